import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM } from './e2e/support/chromium';

const executablePath = findChromium();
if (!executablePath) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}

/**
 * Each site variant is a separate build (`npm run build:e2e`), served as a static host would on its own port.
 * `E2E_PORT` and `E2E_DIST` let two checkouts (or two people) run the suite side by side without clashing.
 */
const firstPort = Number(process.env.E2E_PORT ?? 4391);
const dist = process.env.E2E_DIST ?? 'dist';
const variants = [
  { name: 'root', port: firstPort, base: '/', outDir: dist },
  { name: 'subpath', port: firstPort + 1, base: '/docs/', outDir: `${dist}-docs` },
];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: variants.map(({ name, port, base }) => ({
    name,
    use: { baseURL: `http://127.0.0.1:${port}${base}` },
    // Tests tagged ROOT_ONLY (e2e/support/test.ts) are left out under the sub-path base: a skip would still set up
    // their browser pages, hundreds of them for the page sweep.
    ...(name === 'root' ? {} : { grepInvert: /@root-only/ }),
  })),
  webServer: variants.map(({ port, base, outDir }) => ({
    command: `node scripts/serve-dist.ts --dir ${outDir} --base ${base} --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 60_000,
  })),
});
