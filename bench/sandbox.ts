/**
 * Sandbox speed, measured (never asserted in tests):
 *   - in-browser round trip: p50/p95 of 200 requests through the Service Worker, after warm-up, for our payments API
 *     and, when the build includes documents from ../shared/specs (OPENAPI_EXTRA, or a copy in openapi/), for the
 *     generic mocks on the largest of them;
 *   - the floors under the payments figure, same requests and answer, same browser (bench/sandbox-floor.ts): a
 *     Service Worker answering by itself, and MSW answering with a constant;
 *   - local server throughput: a bounded autocannon run against `npm run sandbox` on 127.0.0.1;
 *   - the generic mocks on the largest document in ../shared/specs (when present), served the same way by
 *     `bench/generic-sandbox-server.ts`: a stateful list no one wrote a handler for.
 * Run with `npm run bench:sandbox` after `npm run build` (without a build in dist the browser part is skipped). Prints
 * a table and returns the numbers.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Page } from '@playwright/test';
import type { OpenApiDocument } from '../mocks/core/openapi.ts';
import { sandboxLocation } from '../mocks/core/sandbox-location.ts';
import { apiNameOf, loadSpec } from '../mocks/load-spec.ts';
import { launchChromium } from './browser.ts';
import { serveStatic, startNode } from './processes.ts';
import { withFloors, type CannedAnswer, type Floor } from './sandbox-floor.ts';
import { statusLine } from './format.ts';
import { percentile } from './stats.ts';

type Throughput = {
  requestsPerSecond: number;
  p50LatencyMs: number;
  /** From every answer's time, not autocannon's histogram, which stops at p90 and p97.5. */
  p95LatencyMs: number;
  errors: number;
  seconds: number;
};

/** Round trips through the Service Worker, from `fetch` to the last byte of the body. */
export interface BrowserRoundTrip {
  requests: number;
  p50: number;
  p95: number;
  /** The URL requested, relative to the site (`/sandbox/payments/v1/customers?limit=1`). */
  path?: string | undefined;
  /** Answers by status: anything but 200 means the figure is not the round trip it says. */
  statuses?: Record<string, number> | undefined;
}

export interface SandboxBench {
  /** Undefined when `dist` holds no build. */
  browser: BrowserRoundTrip | undefined;
  /** The same requests answered by a worker alone and by MSW with a constant handler, in the same browser run. */
  floors?: Record<Floor, BrowserRoundTrip> | undefined;
  /** The generic mocks in the browser, on the largest ../shared/specs document the build includes. */
  browserGeneric?: (BrowserRoundTrip & { spec: string; api: string; megabytes: number }) | undefined;
  server: Throughput;
  /** The generic mocks on the largest shared document; undefined without ../shared/specs. */
  generic: (Throughput & { spec: string; megabytes: number; path: string }) | undefined;
}

const SHARED = '../shared/specs';
/** A list the generic mocks keep per key (Square's ListCustomers), or the first parameterless GET of another document. */
const GENERIC_PATH = '/v2/customers';

/** The list the generic mocks are timed on: GENERIC_PATH when the document has it, else its first GET without a parameter in the path. */
export function genericListPath(document: Pick<OpenApiDocument, 'paths'>): string | undefined {
  const paths = Object.entries(document.paths ?? {}).filter(([, item]) => item && 'get' in item);
  if (paths.some(([path]) => path === GENERIC_PATH)) return GENERIC_PATH;
  return paths.find(([path]) => !path.includes('{'))?.[0];
}

/**
 * Keys the in-browser samples take turns with. The sandbox allows a key 100 requests a minute per API; one key for
 * 220 requests would time the 429 answer from the 101st on. Ten keys stay far below that, and each key's first
 * request (which seeds its collection) falls in the warm-up.
 */
const KEYS = Array.from({ length: 10 }, (_, index) => `sk_test_benchmark${String(index).padStart(2, '0')}`);
const WARM_UP_PER_KEY = 2;
const SAMPLES = 200;

/** 200 timed requests to `path` from inside the page, after two untimed ones per key. */
async function timeInPage(page: Page, path: string): Promise<BrowserRoundTrip> {
  const { samples, statuses } = await page.evaluate(
    async ({ path, keys, warmUp, count }) => {
      const send = (key: string) => fetch(path, { headers: { authorization: `Bearer ${key}` } });
      for (const key of keys) for (let i = 0; i < warmUp; i++) await (await send(key)).text();
      const samples: number[] = [];
      const statuses: Record<string, number> = {};
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        const response = await send(keys[i % keys.length]!);
        await response.text();
        samples.push(performance.now() - started);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
      return { samples, statuses };
    },
    { path, keys: KEYS, warmUp: WARM_UP_PER_KEY, count: SAMPLES },
  );
  return { requests: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), path, statuses };
}

/** The API's sandbox path in the browser, from the document the build publishes at /openapi/<api>.json. */
const browserRoot = (dist: string, api: string) =>
  sandboxLocation(api, loadSpec(join(dist, 'openapi', `${api}.json`))).browser;

/** The largest document of ../shared/specs that `dist` publishes as an API, with its list path; undefined if none. */
function sharedSpecInBuild(dist: string): { file: string; api: string; megabytes: number; path: string } | undefined {
  if (!existsSync(SHARED) || !existsSync(join(dist, 'openapi'))) return undefined;
  const built = new Set(readdirSync(join(dist, 'openapi')));
  const [largest] = readdirSync(SHARED)
    .filter((file) => /\.(ya?ml|json)$/.test(file) && built.has(`${apiNameOf(file)}.json`))
    .map((file) => ({ file, bytes: statSync(join(SHARED, file)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  if (!largest) return undefined;
  const api = apiNameOf(largest.file);
  const path = genericListPath(loadSpec(join(dist, 'openapi', `${api}.json`)));
  return path ? { file: largest.file, api, megabytes: largest.bytes / 1e6, path } : undefined;
}

/** The sandbox's answer to `path`, to be given back as a constant by the floors. */
const answerTo = (page: Page, path: string): Promise<CannedAnswer> =>
  page.evaluate(
    async ({ path, key }) => {
      const response = await fetch(path, { headers: { authorization: `Bearer ${key}` } });
      return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
    },
    { path, key: KEYS[0]! },
  );

async function browserRoundTrips(
  dist: string,
  port: number,
): Promise<Pick<SandboxBench, 'browser' | 'browserGeneric' | 'floors'>> {
  const shared = sharedSpecInBuild(dist);
  const server = await serveStatic(dist, port);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/guides/what-is-backend-integration/`);
    // The first click starts the Service Worker; everything after it is warm.
    await page.getByRole('button', { name: 'Send request' }).first().click();
    await page.getByText(/^201 Created/).waitFor();
    const paymentsPath = `${browserRoot(dist, 'payments')}/customers?limit=1`;
    const payments = await timeInPage(page, paymentsPath);
    const answer = await answerTo(page, paymentsPath);
    const floors = await withFloors(browser, port + 1, answer, (floorPage) => timeInPage(floorPage, paymentsPath));
    if (!shared) return { browser: payments, browserGeneric: undefined, floors };
    // The first request to this API loads its spec and handlers as a chunk of their own; the warm-up pays for that.
    const generic = await timeInPage(page, `${browserRoot(dist, shared.api)}${shared.path}`);
    return {
      browser: payments,
      floors,
      browserGeneric: { ...generic, spec: shared.file, api: shared.api, megabytes: shared.megabytes },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function serverThroughput(): Promise<SandboxBench['server']> {
  const { match, stop } = await startNode(
    ['mocks/server.ts', '--port', '0', '--quiet'],
    /sandbox on http:\/\/localhost:(\d+)/,
  );
  try {
    return await load(`http://127.0.0.1:${match[1]}/payments/v1/customers/cus_demo0001`);
  } finally {
    await stop();
  }
}

/** The largest document in ../shared/specs, served by the generic mocks alone. */
async function genericThroughput(): Promise<SandboxBench['generic']> {
  if (!existsSync(SHARED)) return undefined;
  const [largest] = readdirSync(SHARED)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .map((file) => ({ file, bytes: statSync(join(SHARED, file)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  if (!largest) return undefined;
  const { match, stop } = await startNode(
    ['bench/generic-sandbox-server.ts', join(SHARED, largest.file), '--port', '0'],
    /generic sandbox on http:\/\/localhost:(\d+)(\S*)/,
  );
  try {
    const result = await load(`http://127.0.0.1:${match[1]}${match[2]}${GENERIC_PATH}`);
    return { ...result, spec: largest.file, megabytes: largest.bytes / 1e6, path: GENERIC_PATH };
  } finally {
    await stop();
  }
}

/** A 5-second autocannon run against `url`. */
async function load(url: string): Promise<Throughput> {
  // Spread the load over many keys: one key's rate limit (100 a minute) would turn the run into a 429 test.
  let request = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url,
        connections: 16,
        duration: 5,
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              headers: { authorization: `Bearer sk_test_bench_${String(request++ % 2000).padStart(5, '0')}` },
            }),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    run.on('response', (_client, _status, _bytes, milliseconds) => latencies.push(milliseconds));
  });
  return {
    requestsPerSecond: result.requests.average,
    p50LatencyMs: result.latency.p50,
    p95LatencyMs: percentile(latencies, 95),
    errors: result.errors + result.non2xx,
    seconds: result.duration,
  };
}

/** Every measurement; `dist` must hold a build, which is served on `port` for the in-browser ones. */
export async function benchSandbox(dist = 'dist', port = 4398): Promise<SandboxBench> {
  const built = existsSync(join(dist, 'guides/what-is-backend-integration/index.html'));
  if (!built) console.warn(`No build in ${dist}: the in-browser round trip is skipped (run npm run build first).`);
  else if (!sharedSpecInBuild(dist))
    console.warn(
      `${dist} includes no document from ${SHARED}: the generic in-browser round trip is skipped (build with OPENAPI_EXTRA=${SHARED}/square-api.json).`,
    );
  const inBrowser = built
    ? await browserRoundTrips(dist, port)
    : { browser: undefined, browserGeneric: undefined, floors: undefined };
  return { ...inBrowser, server: await serverThroughput(), generic: await genericThroughput() };
}

if (import.meta.main) {
  const { values } = (await import('node:util')).parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
  const result = await benchSandbox(values.dist);
  const { browser, browserGeneric, floors, server, generic } = result;
  console.table({
    [`in-browser round trip p50 (ms), payments ${browser?.path ?? ''}`]: browser?.p50.toFixed(2) ?? 'no build',
    'in-browser round trip p95 (ms), payments': browser?.p95.toFixed(2) ?? 'no build',
    'in-browser answers, payments': statusLine(browser?.statuses),
    ...(floors && {
      'floor p50 (ms): a Service Worker answering by itself': floors.worker.p50.toFixed(2),
      'floor p50 (ms): MSW, a handler returning the same answer': floors.msw.p50.toFixed(2),
    }),
    ...(browserGeneric && {
      [`in-browser round trip p50 (ms), generic ${browserGeneric.spec} ${browserGeneric.path}`]:
        browserGeneric.p50.toFixed(2),
      [`in-browser round trip p95 (ms), generic ${browserGeneric.spec}`]: browserGeneric.p95.toFixed(2),
      [`in-browser answers, generic ${browserGeneric.spec}`]: statusLine(browserGeneric.statuses),
    }),
    'local server (requests/s)': Math.round(server.requestsPerSecond),
    'local server p50 latency (ms)': server.p50LatencyMs,
    'local server p95 latency (ms)': server.p95LatencyMs.toFixed(2),
    'local server errors or non-2xx': server.errors,
    ...(generic && {
      [`generic, ${generic.spec} (${generic.megabytes.toFixed(1)} MB) GET ${generic.path} (requests/s)`]: Math.round(
        generic.requestsPerSecond,
      ),
      'generic, p50 latency (ms)': generic.p50LatencyMs,
      'generic, p95 latency (ms)': generic.p95LatencyMs.toFixed(2),
      'generic, errors or non-2xx': generic.errors,
    }),
  });
}
