import { apiLoaders } from './apis/loaders.ts';
import { specLoaders } from './generated/spec-loaders.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from './core/sandbox.ts';

/**
 * The Engine Room sandbox with every API registered but none loaded: an API's spec and handlers are imported on its
 * first request (or `sandbox.load(api)`), each as a chunk of its own. The browser uses this, so that a first request
 * pays for MSW, the core and the one API it calls; Node uses the eager `createEngineRoomSandbox` in catalog.ts.
 */
export function createLazyEngineRoomSandbox(
  options: Omit<SandboxOptions, 'specs' | 'apis' | 'lazyApis'> = {},
): Sandbox {
  const lazyApis = Object.fromEntries(
    Object.entries(specLoaders).map(([api, loadSpec]) => [
      api,
      async () => {
        const [document, definition] = await Promise.all([loadSpec(), apiLoaders[api]?.()]);
        return { document, definition };
      },
    ]),
  );
  return createSandbox({ specs: {}, lazyApis, ...options });
}
