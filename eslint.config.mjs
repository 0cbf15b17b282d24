import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * Lint that holds the architecture (after Signal's and VS Code's layering rules): the core runs in any
 * host, so it imports no Electron, React or DOM; the renderer talks to the core only through the
 * contract, so it imports no Node module and no database driver.
 */
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
  'util',
  'worker_threads',
]

/** What core/ may not import: it runs in every host and has no UI. */
const coreImportBans = [
  { group: ['electron', 'electron/*'], message: 'core/ runs in every host: no Electron here.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*'], message: 'core/ has no UI.' },
  {
    group: ['**/electron/**', '**/browser-host/**', '**/preload/**', '**/src-renderer/**'],
    message: 'core/ must not depend on a host.',
  },
]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'no focused tests',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: coreImportBans }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage'],
    },
  },
  {
    // Tests may start an HQ; the core itself only knows the wire contract in core/sync/wire.
    files: ['src-main/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...coreImportBans,
            {
              group: ['**/src-hq/**'],
              message: 'core/ must not import HQ: the wire contract is core/sync/wire.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src-main/core/**/*.contract.ts',
      'src-main/core/api/contract.ts',
      'src-main/core/api/define.ts',
      'src-main/core/api/errors.ts',
      'src-main/core/domain/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['better-sqlite3', 'kysely'],
          patterns: [
            { group: nodeBuiltins, message: 'Shared with the renderer: pure code only.' },
            {
              group: ['electron', 'react', '@mantine/*'],
              message: 'Shared with the renderer: pure code only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'src-hq/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'The renderer reaches data only through the API client.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node modules.' },
            {
              group: ['electron', 'kysely'],
              message: 'The renderer reaches the core only through the API client.',
            },
            {
              regex: '^(@core/|.*src-main/core/)(?!(api/(contract|errors|define)|domain/.*|.*\\.contract)$)',
              message: 'From src-main the renderer may import only contracts, errors and pure domain code.',
            },
            { regex: '.*src-main/(?!core/)', message: 'The renderer must not import a host.' },
          ],
        },
      ],
    },
  },
)
