import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM } from '../e2e/support/chromium.ts';

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * A fresh browser context (empty cache, as for a first visit) with generous timeouts: on a shared 2-core machine a
 * 4 MB peer bundle can take most of a minute to load, and a slow run is a result, not an error.
 */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  context.setDefaultTimeout(180_000);
  return context;
}

export type ResourceKind = 'js' | 'css' | 'html' | 'other';

export interface LoadedResource {
  url: string;
  kind: ResourceKind;
  bytes: number;
  gzip: number;
  brotli: number;
  /** Body bytes as they came over the wire (compressed when the server compressed them). */
  wire: number;
  /** The response's Content-Encoding (`br`, `gzip`), or `identity`. */
  encoding: string;
}

/**
 * Sizes a server would send: gzip at level 6 (what servers use when compressing on the fly) and brotli at 11 (what
 * static hosts precompress with). Each file is compressed on its own, as each is its own response.
 */
export function compressedSizes(body: Buffer): { bytes: number; gzip: number; brotli: number } {
  return {
    bytes: body.length,
    gzip: gzipSync(body, { level: 6 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

function kindOf(resourceType: string): ResourceKind {
  if (resourceType === 'script') return 'js';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'document') return 'html';
  return 'other';
}

/**
 * Open `url` and return every response the page received before any interaction: until the load event, then until
 * `readyText` (if given) is visible, then until the network has been quiet for half a second (late module imports).
 * Waiting for the text matters for the peers: they fetch the spec only after their bundle has run, which on a busy
 * machine can take longer than the half second of quiet.
 * Requests to other hosts are blocked and listed, so a peer's call home neither counts nor leaks.
 */
export async function loadBeforeInteraction(
  page: Page,
  url: string,
  readyText?: string | undefined,
): Promise<{ resources: LoadedResource[]; blocked: string[] }> {
  const origin = new URL(url).origin;
  const blocked: string[] = [];
  await page.route(
    (target) => target.origin !== origin && target.protocol.startsWith('http'),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const pending: Promise<LoadedResource | undefined>[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (!response.url().startsWith(origin) || response.status() >= 300) return;
    pending.push(
      response
        .body()
        .then(async (body) => ({
          url: response.url(),
          kind: kindOf(request.resourceType()),
          ...compressedSizes(body),
          // Known once the response has finished, which body() waited for.
          wire: (await request.sizes()).responseBodySize,
          encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        }))
        .catch(() => undefined),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  if (readyText) await page.getByText(readyText, { exact: true }).filter({ visible: true }).first().waitFor();
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
  const resources = (await Promise.all(pending)).filter((resource) => resource !== undefined);
  return { resources, blocked };
}
