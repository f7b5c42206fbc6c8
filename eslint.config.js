// Lint, with the import boundaries of docs/architecture.md: the engine imports nothing from Phaser,
// XState, the DOM or Node; nothing imports a scene except the composition root.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const nodeOrFrameworks = [
  'phaser',
  'phaser/*',
  'xstate',
  'xstate/*',
  'zustand',
  'zustand/*',
  'socket.io',
  'socket.io-client',
  'better-sqlite3',
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // The map's cut of Phaser: CommonJS, as Phaser's own sources are (vite.config.ts bundles it).
    files: ['src/vendor/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', globalThis: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The browser benchmark passes some of its functions to the page (page.evaluate, addInitScript).
    files: ['scripts/bench-browser.mjs'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        performance: 'readonly',
        requestAnimationFrame: 'readonly',
        PerformanceObserver: 'readonly',
        MutationObserver: 'readonly',
        getComputedStyle: 'readonly',
      },
    },
  },
  {
    // No import cycles: each module's dependencies can be read, tested and loaded alone.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'tests/**/*.ts', 'tests/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/scenes/*', '**/scenes'], message: 'Only the composition root imports scenes.' }] },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOrFrameworks, message: 'src/engine is pure: no Phaser, XState, Zustand, DOM or Node imports.' },
            {
              group: ['**/machine/*', '**/ai/*', '**/store/*', '**/scenes/*', '**/ui/*', '**/net/*', '**/server/*', '**/cli/*'],
              message: 'src/engine imports nothing from the layers above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process', 'setTimeout', 'setInterval'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'All randomness comes from the seeded generator in the state.' },
        { object: 'Date', property: 'now', message: 'The engine is deterministic: no clock.' },
        { object: 'performance', property: 'now', message: 'The engine is deterministic: no clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'The engine is deterministic: no clock.' },
      ],
    },
  },
  {
    // The browser side of multiplayer: no Node, no server code (the server's checks stay there).
    files: ['src/net/**/*.ts', 'src/ui/**/*.ts', 'src/store/**/*.ts', 'src/map/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['socket.io', 'better-sqlite3', 'node:*', 'fs', 'path', 'os', 'crypto'],
              message: 'Browser code: no Node or server packages.',
            },
            { group: ['qrcode'], message: 'The server draws QR codes (/qr.svg): the page ships no QR library.' },
            { group: ['**/server/*', '**/server'], message: 'Browser code never imports the server.' },
            { group: ['**/scenes/*', '**/scenes'], message: 'Only the composition root imports scenes.' },
          ],
        },
      ],
    },
  },
  {
    // The server runs the engine and machine in Node: no DOM, no Phaser, no browser interface.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser', 'phaser/*', 'zustand', 'zustand/*', 'socket.io-client'], message: 'The server has no interface.' },
            { group: ['**/ui/*', '**/store/*', '**/scenes/*', '**/map/*'], message: 'The server imports no browser layer.' },
          ],
        },
      ],
    },
  },
  {
    // Cluster mode: one server process reaches another as a socket.io client (the relay link).
    files: ['src/server/cluster/edge.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser', 'phaser/*', 'zustand', 'zustand/*'], message: 'The server has no interface.' },
            { group: ['**/ui/*', '**/store/*', '**/scenes/*', '**/map/*'], message: 'The server imports no browser layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ai/**/*.ts'],
    // The worker only measures how long a decision took, for the interface; it decides nothing.
    ignores: ['src/ai/worker.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'AI randomness comes from its own seeded stream.' },
        {
          object: 'Date',
          property: 'now',
          message: 'AI decisions must not depend on the clock (replays): budget the search in simulated rounds.',
        },
        {
          object: 'performance',
          property: 'now',
          message: 'AI decisions must not depend on the clock (replays): budget the search in simulated rounds.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/scenes/*', '**/scenes'], message: 'Only the composition root imports scenes.' },
            {
              regex: '^\\.\\./engine(/index)?$',
              message: "The AI imports '../engine/core': the engine without zod, so the AI worker stays small.",
            },
          ],
        },
      ],
    },
  },
);
