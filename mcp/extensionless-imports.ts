/**
 * Lets Node load the site's build-time modules (`src/lib/reference`, `src/lib/markdown-twin`) as they are. They are
 * written for Vite, which resolves `from './meta'` to `./meta.ts`; Node's own resolver wants the extension. This hook
 * retries a relative specifier that Node cannot find with `.ts` appended, and changes nothing else. Node strips the
 * types itself. See docs/decisions/0009-mcp-server.md.
 */
import { registerHooks } from 'node:module';

const RELATIVE_WITHOUT_EXTENSION = /^\.{1,2}\/(?:[^?#]*\/)?[^./?#]+$/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
      if (!missing || !RELATIVE_WITHOUT_EXTENSION.test(specifier)) throw error;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});
