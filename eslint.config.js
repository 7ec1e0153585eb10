import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const sourceExtensions = ['.ts', '.tsx', '.d.ts', '.js', '.mjs'];
const testFiles = ['**/*.test.ts', '**/*.test.tsx'];

/** One `import-x/no-restricted-paths` zone: `target` may not import anything under `from`. */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });
const hostsMessage = 'shared/ is host-free: hosts pass what it needs in (docs/architecture.md, layers).';
const testingMessage = 'shared/testing/ holds test builders; product code does not ship them.';

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'dist', 'test/.artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-empty-pattern': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // Layer rules live here rather than in memory: see docs/architecture.md, "what may import what".
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js files and sees no cycle through TypeScript.
      'import-x/extensions': sourceExtensions,
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: sourceExtensions })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**'],
    ignores: [...testFiles, 'shared/testing/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./shared', ['./extension', './web', './test', './bench', './scripts'], hostsMessage),
            zone('./shared', './shared/testing', testingMessage),
          ],
        },
      ],
    },
  },
  {
    // Tests and builders may use the mock providers in test/, still never a host.
    files: [...testFiles.map((glob) => `shared/${glob}`), 'shared/testing/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [zone('./shared', ['./extension', './web'], hostsMessage)] },
      ],
    },
  },
  {
    // The playground is a web page like any other: from the extension it sees only the page API's types.
    files: ['web/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './web',
              './extension',
              'web/ may import from extension/ only the page API types (extension/lib/page-api/freellm.d.ts).',
              ['./lib/page-api/freellm.d.ts'],
            ),
            zone('./web', ['./test', './bench'], 'web/ ships: no tests or benchmarks in it.'),
            zone('./web', './shared/testing', testingMessage),
          ],
        },
      ],
    },
  },
  {
    files: ['extension/**'],
    ignores: testFiles,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './extension',
              ['./web', './test', './bench'],
              'extension/ ships: it imports shared/, not other hosts or tests.',
            ),
            zone('./extension', './shared/testing', testingMessage),
          ],
        },
      ],
    },
  },
  {
    // The engine runs in a worker, a page and Node: no host globals, no wall clock, no global fetch.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'localStorage', 'fetch'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use the injected now().',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
