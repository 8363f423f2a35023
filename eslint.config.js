// Lint rules, including the boundaries between extension contexts:
// each context may use core/, shared/ and ui/ (pages only), never another context.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const contexts = ['background', 'content', 'sidebar', 'collection', 'options', 'demo', 'build'];

/** Forbid importing the listed folders of src/ from a file in `from`. */
function keepApart(from, forbidden, extra = []) {
  return {
    files: [`src/${from}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden.map((dir) => ({
              group: [`**/${dir}/*`, `**/${dir}`],
              message: `src/${from} must not import src/${dir}: pass data through messages or core/ instead.`,
            })),
            ...extra,
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'node_modules/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // core/ is pure: no browser APIs, no UI, no storage; everything comes in as arguments.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['webextension-polyfill', 'preact', 'idb'].map((name) => ({ name, message: 'src/core stays free of browser and UI code.' })),
          patterns: [
            { group: ['**/shared/*', '**/ui/*', ...contexts.map((c) => `**/${c}/*`)], message: 'src/core imports only src/core.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'location', 'navigator', 'chrome', 'browser', 'indexedDB', 'localStorage'],
    },
  },
  keepApart('background', ['content', 'sidebar', 'collection', 'options', 'ui', 'demo']),
  keepApart('content', ['background', 'sidebar', 'collection', 'options', 'ui', 'demo']),
  keepApart('sidebar', ['background', 'content', 'collection', 'options', 'demo']),
  keepApart('collection', ['background', 'content', 'sidebar', 'options', 'demo']),
  keepApart('options', ['background', 'content', 'sidebar', 'collection', 'demo']),
  keepApart('ui', ['background', 'content', 'sidebar', 'collection', 'options', 'demo']),
  keepApart('shared', ['background', 'content', 'sidebar', 'collection', 'options', 'ui', 'demo']),
);
