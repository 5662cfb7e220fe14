import type { Rule } from 'eslint';

export function featureOf(filePath: string): string | null;
export const noCrossFeatureImports: Rule.RuleModule;
