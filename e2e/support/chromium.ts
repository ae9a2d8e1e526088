import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The browser the end-to-end tests drive. Tests never download one: they use, in order, `CHROMIUM_PATH`, Debian's
 * `/usr/bin/chromium`, or a browser Playwright installed earlier.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', playwrightChromium()];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const MISSING_CHROMIUM =
  'No Chromium found for the browser tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to its executable.';

/** Flags for a locked-down CI container: no sandbox (we run as root) and no background calls to Google's hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
