import { cachedPersistence, storageEvents, webStoragePersistence } from './core/persistence.ts';
import type { Sandbox } from './core/sandbox.ts';
import { sandboxHandlers } from './handlers.ts';
import { createLazyEngineRoomSandbox } from './lazy-catalog.ts';

let started: Promise<Sandbox> | undefined;

/**
 * Start the in-browser sandbox once per page: register the Service Worker under the site's base path and answer
 * requests to `<base>/sandbox/…` from state kept in localStorage. Callers import this module lazily, on first use,
 * because msw/browser is too heavy for pages that never send a request. No API is loaded here: each API's spec and
 * handlers arrive with its first request (or `sandbox.load(api)`), so a page pays only for the APIs it calls.
 */
export function startBrowserSandbox(base = '/'): Promise<Sandbox> {
  started ??= (async () => {
    if (!('serviceWorker' in navigator)) {
      throw new Error(
        'This browser cannot run the sandbox: Service Workers are unavailable (private windows in some browsers turn them off).',
      );
    }
    const root = base.replace(/\/?$/, '/');
    const { setupWorker } = await import('msw/browser');
    const sandbox = createLazyEngineRoomSandbox({
      mount: `${root}sandbox/`,
      persistence: cachedPersistence(webStoragePersistence(localStorage), storageEvents(window, localStorage)),
    });
    const worker = setupWorker(...sandboxHandlers(sandbox, `${root}sandbox/`));
    await worker.start({
      serviceWorker: { url: `${root}mockServiceWorker.js`, options: { scope: root } },
      onUnhandledFrame: 'bypass',
      quiet: true,
    });
    return sandbox;
  })();
  return started;
}
