import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { noUntranslatedText } from './no-untranslated-text.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run('no-untranslated-text', noUntranslatedText, {
  valid: [
    { code: "const a = <p>{t('stake.title')}</p>;" },
    { code: 'const a = <p>{amount} {ticker}</p>;' },
    { code: 'const a = <p>= {amount} · — %</p>;' },
    { code: "const a = <input aria-label={t('amount')} placeholder=\"0.0\" />;" },
    { code: "const a = <div className=\"flex gap-2\" data-testid=\"stake-panel\" />;" },
    { code: "const a = <p>{ready ? t('ready') : '—'}</p>;" },
    { code: "const a = <Icon name=\"arrow-right\" />;" },
  ],
  invalid: [
    { code: 'const a = <p>Stake your TON</p>;', errors: [{ messageId: 'text' }] },
    { code: "const a = <p>{'Loading…'}</p>;", errors: [{ messageId: 'text' }] },
    { code: "const a = <p>{busy ? 'Sending' : t('send')}</p>;", errors: [{ messageId: 'text' }] },
    { code: 'const a = <p>{`Balance ${x}`}</p>;', errors: [{ messageId: 'text' }] },
    { code: "const a = <p>{error || 'Unknown error'}</p>;", errors: [{ messageId: 'text' }] },
    { code: 'const a = <button aria-label="Close">×</button>;', errors: [{ messageId: 'attribute' }] },
    { code: "const a = <span title={`Exact: ${x}`} />;", errors: [{ messageId: 'attribute' }] },
    { code: 'const a = <p>Пример</p>;', errors: [{ messageId: 'text' }] },
  ],
});
