/**
 * Sandbox speed, measured (never asserted in tests):
 *   - in-browser round trip: p50/p95 of 200 requests through the Service Worker, after warm-up;
 *   - local server throughput: a bounded autocannon run against `npm run sandbox` on 127.0.0.1.
 * Run with `npm run bench:sandbox` after `npm run build`. Prints a table and returns the numbers.
 */
import autocannon from 'autocannon';
import { launchChromium } from './browser.ts';
import { serveStatic, startNode } from './processes.ts';
import { percentile } from './stats.ts';

const KEY = 'sk_test_benchmark01';

export interface SandboxBench {
  browser: { requests: number; p50: number; p95: number };
  server: { requestsPerSecond: number; p50LatencyMs: number; errors: number; seconds: number };
}

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
    // Spread the load over many keys: one key's rate limit (100 a minute) would turn the run into a 429 test.
    let request = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${match[1]}/payments/v1/customers/cus_demo0001`,
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
  } finally {
    await stop();
  }
}

/** Both measurements; `dist` must hold a build, which is served on `port` for the in-browser one. */
export async function benchSandbox(dist = 'dist', port = 4398): Promise<SandboxBench> {
  return { browser: await browserRoundTrip(dist, port), server: await serverThroughput() };
}

if (import.meta.main) {
  const result = await benchSandbox();
  console.table({
    'in-browser round trip p50 (ms)': result.browser.p50.toFixed(2),
    'in-browser round trip p95 (ms)': result.browser.p95.toFixed(2),
    'local server (requests/s)': Math.round(result.server.requestsPerSecond),
    'local server p50 latency (ms)': result.server.p50LatencyMs,
    'local server errors or non-2xx': result.server.errors,
  });
}
