import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { noCrossFeatureImports } from './scripts/eslint/no-cross-feature-imports.js';
import { noUntranslatedText } from './scripts/eslint/no-untranslated-text.js';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'contracts/build', 'test-results', 'playwright-report', '.devnet', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Queries re-render in a transition (src/queries/use-query.ts): React Query's own useQuery would render urgently.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/queries/use-query.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@tanstack/react-query', importNames: ['useQuery'], message: "use src/queries/use-query's useQuery" }] },
      ],
    },
  },
  // Import direction: the RPC layer and the contracts know nothing of React or the app.
  {
    files: ['src/ton/**/*.ts', 'contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', '@tanstack/*', 'zustand', '**/features/**', '**/app/**'], message: 'src/ton and contracts stay framework-free' }] },
      ],
    },
  },
  // One feature never imports another (shared pieces live in src/components, src/queries or src/ton).
  {
    files: ['src/features/**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'no-cross-feature-imports': noCrossFeatureImports } } },
    rules: { 'local/no-cross-feature-imports': 'error' },
  },
  // Every user-visible string goes through src/i18n (issue 15 item 5). The dev wallet stands in for a third-party
  // wallet, so it keeps its own words.
  {
    files: ['src/**/*.tsx'],
    ignores: ['src/dev-wallet/**', '**/*.test.tsx'],
    plugins: { i18n: { rules: { 'no-untranslated-text': noUntranslatedText } } },
    rules: { 'i18n/no-untranslated-text': 'error' },
  },
  // The devnet is built on the contract wrappers only, never on the app.
  {
    files: ['devnet/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**'], message: 'devnet uses contracts/wrappers, never src/' }] }] },
  },
);
