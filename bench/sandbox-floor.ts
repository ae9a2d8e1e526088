/**
 * What any answer through a Service Worker costs in this browser on this machine, measured beside ours so the
 * sandbox's own share of the round trip can be read off: a worker that answers by itself (the browser's floor), and
 * MSW with a handler that returns a constant (MSW's floor: its trip from the worker to the page and back). Both give
 * the same body and headers as the sandbox's answer. The pages live in a temporary folder and are never committed.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { serveStatic } from './processes.ts';

/** The answer both floors give: the body and headers the sandbox sent. */
export interface CannedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Floor = 'worker' | 'msw';

/** A worker that answers every request under /sandbox/ with the canned answer, without asking the page. */
const workerScript = (answer: CannedAnswer) => `const answer = ${JSON.stringify(answer)};
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).pathname.includes('/sandbox/'))
    event.respondWith(new Response(answer.body, { status: answer.status, headers: answer.headers }));
});
`;

/** Start one floor in `page` (loaded at the floor site's root) and return once its worker controls the page. */
async function start(page: Page, floor: Floor, answer: CannedAnswer): Promise<void> {
  if (floor === 'worker') {
    await page.evaluate(async () => {
      await navigator.serviceWorker.register('/floor-worker.js');
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    });
    return;
  }
  await page.addScriptTag({ url: '/msw.js' });
  await page.evaluate(async (answer) => {
    type Msw = typeof import('msw') & typeof import('msw/browser');
    const { http, setupWorker } = (window as unknown as { MockServiceWorker: Msw }).MockServiceWorker;
    const reply = () => new Response(answer.body, { status: answer.status, headers: answer.headers });
    await setupWorker(http.all('*/sandbox/*', reply)).start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      onUnhandledFrame: 'bypass',
      quiet: true,
    });
  }, answer);
}

/**
 * Serve the floor pages on `port` and hand `measure` a page controlled by each floor's worker in turn, each in a
 * fresh context so that one registration never answers for the other.
 */
export async function withFloors<T>(
  browser: Browser,
  port: number,
  answer: CannedAnswer,
  measure: (page: Page, floor: Floor) => Promise<T>,
): Promise<Record<Floor, T>> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-room-floor-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><title>floor</title></html>');
  writeFileSync(join(dir, 'floor-worker.js'), workerScript(answer));
  copyFileSync('public/mockServiceWorker.js', join(dir, 'mockServiceWorker.js'));
  copyFileSync('node_modules/msw/lib/iife/index.js', join(dir, 'msw.js'));
  const server = await serveStatic(dir, port);
  try {
    const results = {} as Record<Floor, T>;
    for (const floor of ['worker', 'msw'] as const) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        await start(page, floor, answer);
        results[floor] = await measure(page, floor);
      } finally {
        await context.close();
      }
    }
    return results;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
