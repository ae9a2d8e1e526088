import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/**
 * The project's boundaries (ARCHITECTURE.md, decision 0017), enforced: data flows from the specs through mocks/ to
 * the site, build-time code never reaches the browser, and heavy browser code loads only on demand. Type-only
 * imports are free: they vanish at build.
 */
const restrict = (...patterns) => [
  'error',
  { patterns: patterns.map((pattern) => ({ allowTypeImports: true, ...pattern })) },
];
const noSiteCode = {
  group: ['**/src/**'],
  message: 'mocks/ never imports src/: the sandbox runs without the site, in Node, in tests and as a local server.',
};
const noBrowserCode = {
  // The playground catalogue's key slot is the one value both sides of its format share.
  regex: '(^|/)browser/(?!playground/key-slot$)|(^|/)mocks/browser\\.ts$|^msw/browser$',
  message: 'Build-time code never imports browser code (src/browser/, mocks/browser.ts, msw/browser).',
};
const noAstroRuntime = {
  group: ['astro:*', '@astrojs/*/**', '!@astrojs/starlight/components'],
  message:
    'Build-time helpers also run in plain Node (the MCP server, unit tests): keep Astro modules in src/pages, ' +
    'src/components or the Astro adapters listed in eslint.config.js.',
};
const noEagerHeavyCode = {
  // Scalar's stylesheet is the explorer page's own; its code and MSW's load with import().
  regex:
    '^@scalar/(?!.*\\.css$)|^msw/browser$|(^|/)mocks/(browser|catalog|lazy-catalog)\\.ts$|(^|/)generated/specs\\.ts$',
  message:
    'Pages carry no Scalar, MSW or specs: import them with import() where the reader asks for them (decision 0011).',
};
const noBuildCode = {
  group: ['**/lib/**'],
  message: 'Browser code never imports build-time code (src/lib/): it would bundle the spec model for the reader.',
};
/** The few build-time modules that are Astro glue, used only inside the Astro build. */
const ASTRO_ADAPTERS = ['src/lib/markdown-twin/site-twins.ts', 'src/lib/markdown-twin/route-data.ts'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'public/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // TypeScript checks undefined names itself (including ambient types such as `App.Locals`).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['mocks/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(noSiteCode) },
  },
  {
    files: ['src/lib/**/*.ts', 'scripts/**/*.ts', 'mcp/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: { 'no-restricted-imports': restrict(noBrowserCode, noAstroRuntime) },
  },
  {
    files: ASTRO_ADAPTERS,
    rules: { 'no-restricted-imports': restrict(noBrowserCode) },
  },
  {
    // Loaded by import() from the pages that need them, so these may import the sandbox statically.
    files: ['src/browser/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: { 'no-restricted-imports': restrict(noBuildCode) },
  },
  {
    // What a page runs in the browser: its <script> blocks and the component modules they import. A component's
    // build-time half (what its frontmatter calls) lives in src/lib/, under the build-time rule above.
    files: ['src/**/*.astro/*.ts', 'src/components/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: { 'no-restricted-imports': restrict(noEagerHeavyCode, noBuildCode) },
  },
);
