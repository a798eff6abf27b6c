import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'test-results/', 'playwright-report/', 'demo-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never put page text into innerHTML; render with Preact.' },
        { property: 'outerHTML', message: 'Never put page text into outerHTML; render with Preact.' },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'lib/ is pure: pass browser APIs in from entrypoints/.' },
        { name: 'chrome', message: 'lib/ is pure: pass browser APIs in from entrypoints/.' },
      ],
      'no-restricted-imports': ['error', { paths: ['wxt/browser', '#imports'] }],
    },
  },
);
