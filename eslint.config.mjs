// ESLint: typescript-eslint strict rules, React hooks, and the layer arrows of
// docs/architecture.md enforced on resolved paths (import-x/no-restricted-paths), so a
// file's folder says what it may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

// Bare names are matched exactly (as `paths`), so a folder such as src/shared/http is not
// mistaken for Node's http module; `node:` specifiers are matched as a pattern.
const nodeBuiltinNames = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'http',
  'https',
  'net',
  'tls',
  'dns',
  'crypto',
  'child_process',
  'stream',
  'zlib',
  'url',
  'util',
  'events',
  'worker_threads',
];
const noNodeNoElectron = (message) => ({
  paths: [{ name: 'electron', message }, ...nodeBuiltinNames.map((name) => ({ name, message }))],
  patterns: [{ group: ['node:*'], message }],
});

/** Each zone: files in `target` may not import from `from`. */
const layerZones = [
  // shared is pure: nothing from any runtime folder.
  {
    target: './src/shared',
    from: [
      './src/main/**',
      './src/preload/**',
      './src/renderer/**',
      './src/cli/**',
      './src/sandbox/**',
    ],
    message: 'src/shared is pure TypeScript used by every layer.',
  },
  // core is Node-only domain code: no Electron glue, no UI.
  {
    target: './src/main/core',
    from: [
      './src/main/!(core)/**',
      './src/main/*.ts',
      './src/preload/**',
      './src/renderer/**',
      './src/cli/**',
    ],
    message:
      'src/main/core runs under plain Node: it must not depend on the Electron glue or the UI.',
  },
  // The instance client sits below its callers: the doctor, requests, keys and the CLI call
  // it, never the other way round, so its rules (binding, redaction) have one owner.
  {
    target: './src/main/core/veza',
    from: [
      './src/main/core/doctor/**',
      './src/main/core/requests/**',
      './src/main/core/keys/**',
      './src/main/core/ipc/**',
      './src/main/core/demo/**',
    ],
    message:
      'The instance client (core/veza) is called by the doctor, requests and keys; it imports none of them.',
  },
  // The transport knows HTTP, not Veza: nothing above it may leak into it.
  {
    target: './src/main/core/transport',
    from: [
      './src/main/core/veza/**',
      './src/main/core/doctor/**',
      './src/main/core/requests/**',
      './src/main/core/keys/**',
      './src/main/core/profiles/**',
    ],
    message: 'The transport is the bottom layer of main/core; it imports no domain code.',
  },
  // The update check talks to GitHub, never to an instance: nothing that holds a key, a
  // client certificate or an instance's settings may reach it.
  {
    target: './src/main/core/updates',
    from: [
      './src/main/core/veza/**',
      './src/main/core/profiles/**',
      './src/main/core/secrets/**',
      './src/main/core/doctor/**',
      './src/main/core/requests/**',
      './src/main/core/keys/**',
    ],
    message:
      'The update check (core/updates) talks to GitHub only; it imports nothing that holds a key or an instance.',
  },
  {
    target: './src/preload/**',
    from: ['./src/main/**', './src/renderer/**', './src/cli/**', './src/sandbox/**'],
    message: 'preload only builds window.veza from the shared contract.',
  },
  {
    target: './src/renderer/**',
    from: ['./src/main/**', './src/preload/**', './src/cli/**', './src/sandbox/**'],
    message: 'The renderer talks to window.veza only; it may import src/shared.',
  },
  // The window's folders, top down: app > shell > keys, requests, about, integrations > doctor >
  // profiles > data, components, problems, response-viewer, body-editor > bridge. A folder
  // imports only folders below it, so no feature imports the features that import it.
  ...[
    { target: 'shell', from: ['app'] },
    { target: ['keys', 'requests', 'about', 'integrations'], from: ['app', 'shell'] },
    { target: 'keys', from: ['requests', 'about', 'integrations'] },
    { target: 'requests', from: ['keys', 'about', 'integrations', 'doctor', 'profiles'] },
    { target: 'about', from: ['keys', 'requests', 'integrations', 'doctor', 'profiles'] },
    { target: 'integrations', from: ['keys', 'requests', 'about', 'doctor', 'profiles'] },
    { target: 'doctor', from: ['app', 'shell', 'keys', 'requests', 'about', 'integrations'] },
    {
      target: 'profiles',
      from: ['app', 'shell', 'keys', 'requests', 'about', 'integrations', 'doctor'],
    },
    {
      target: ['data', 'components', 'problems', 'response-viewer', 'body-editor', 'bridge'],
      from: ['app', 'shell', 'keys', 'requests', 'about', 'integrations', 'doctor', 'profiles'],
    },
  ].flatMap(({ target, from, except }) => {
    const folder = (name) => `./src/renderer/src/${name}`;
    const targets = [target].flat().map(folder);
    return [from].flat().map((name) => ({
      target: targets,
      from: folder(name),
      ...(except ? { except } : {}),
      message: `src/renderer/src/${name} stands above ${[target].flat().join(', ')}: it imports them, never the other way round.`,
    }));
  }),
  {
    target: './src/cli/**',
    from: ['./src/main/!(core)/**', './src/main/*.ts', './src/renderer/**', './src/preload/**'],
    message: 'The CLI runs over main/core, without Electron.',
  },
  {
    target: './src/sandbox/**',
    from: ['./src/main/**', './src/renderer/**', './src/preload/**', './src/cli/**'],
    message: 'The simulated Veza stands alone: it is the other side of the wire.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    // No runtime may reach Electron from the pure or Node-only layers.
    files: [
      'src/shared/**/*.ts',
      'src/main/core/**/*.ts',
      'src/cli/**/*.ts',
      'src/sandbox/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only the glue in src/main (and preload) may import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        noNodeNoElectron('src/shared is pure: no Electron, no Node (it runs in the renderer too).'),
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        noNodeNoElectron(
          'The renderer is sandboxed: no Node, no Electron; it talks to window.veza only.',
        ),
      ],
    },
  },
);
