/**
 * Sandbox speed, measured (never asserted in tests):
 *   - in-browser round trip: p50/p95 of 200 requests through the Service Worker, after warm-up;
 *   - local server throughput: a bounded autocannon run against `npm run sandbox` on 127.0.0.1;
 *   - the generic mocks on the largest document in ../shared/specs (when present), served the same way by
 *     `bench/generic-sandbox-server.ts`: a stateful list no one wrote a handler for.
 * Run with `npm run bench:sandbox` after `npm run build` (without a build in dist the browser part is skipped). Prints
 * a table and returns the numbers.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { launchChromium } from './browser.ts';
import { serveStatic, startNode } from './processes.ts';
import { percentile } from './stats.ts';

const KEY = 'sk_test_benchmark01';

type Throughput = { requestsPerSecond: number; p50LatencyMs: number; errors: number; seconds: number };

export interface SandboxBench {
  /** Undefined when `dist` holds no build. */
  browser: { requests: number; p50: number; p95: number } | undefined;
  server: Throughput;
  /** The generic mocks on the largest shared document; undefined without ../shared/specs. */
  generic: (Throughput & { spec: string; megabytes: number; path: string }) | undefined;
}

const SHARED = '../shared/specs';
/** A list the generic mocks keep per key (Square's ListCustomers), or the first parameterless GET of another document. */
const GENERIC_PATH = '/v2/customers';

async function browserRoundTrip(dist: string, port: number): Promise<SandboxBench['browser']> {
  const server = await serveStatic(dist, port);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/guides/what-is-backend-integration/`);
    // The first click starts the Service Worker; everything after it is warm.
    await page.getByRole('button', { name: 'Send request' }).first().click();
    await page.getByText(/^201 Created/).waitFor();
    const times = await page.evaluate(async (key) => {
      const send = () =>
        fetch('/sandbox/payments/v1/customers?limit=1', { headers: { authorization: `Bearer ${key}` } });
      for (let i = 0; i < 20; i++) await send();
      const samples: number[] = [];
      for (let i = 0; i < 200; i++) {
        const started = performance.now();
        await (await send()).text();
        samples.push(performance.now() - started);
      }
      return samples;
    }, KEY);
    return { requests: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
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
  const result = await autocannon({
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
  });
  return {
    requestsPerSecond: result.requests.average,
    p50LatencyMs: result.latency.p50,
    errors: result.errors + result.non2xx,
    seconds: result.duration,
  };
}

/** Both measurements; `dist` must hold a build, which is served on `port` for the in-browser one. */
export async function benchSandbox(dist = 'dist', port = 4398): Promise<SandboxBench> {
  const built = existsSync(join(dist, 'guides/what-is-backend-integration/index.html'));
  if (!built) console.warn(`No build in ${dist}: the in-browser round trip is skipped (run npm run build first).`);
  return {
    browser: built ? await browserRoundTrip(dist, port) : undefined,
    server: await serverThroughput(),
    generic: await genericThroughput(),
  };
}

if (import.meta.main) {
  const result = await benchSandbox();
  const { browser, server, generic } = result;
  console.table({
    'in-browser round trip p50 (ms)': browser?.p50.toFixed(2) ?? 'no build',
    'in-browser round trip p95 (ms)': browser?.p95.toFixed(2) ?? 'no build',
    'local server (requests/s)': Math.round(server.requestsPerSecond),
    'local server p50 latency (ms)': server.p50LatencyMs,
    'local server errors or non-2xx': server.errors,
    ...(generic && {
      [`generic, ${generic.spec} (${generic.megabytes.toFixed(1)} MB) GET ${generic.path} (requests/s)`]: Math.round(
        generic.requestsPerSecond,
      ),
      'generic, p50 latency (ms)': generic.p50LatencyMs,
      'generic, errors or non-2xx': generic.errors,
    }),
  });
}
