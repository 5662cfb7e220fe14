import type { Rule } from 'eslint';
export const noUntranslatedText: Rule.RuleModule;
