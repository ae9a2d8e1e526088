import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * starlight-openapi, the fourth peer: a Starlight plugin that, like us, prerenders one page per operation. The bench
 * builds the smallest site its getting-started guide describes (Starlight, the plugin, its sidebar groups, one
 * landing page) around the same spec the other peers render, under the base path it is then served at.
 *
 * The site's sources live in an ignored `dist-bench-starlight-*` folder inside the project rather than in /tmp, so
 * Node and Vite find Astro, Starlight and the plugin in the project's node_modules (see copyProject in
 * build-scaling.ts for why a symlinked node_modules will not do).
 */
export const STARLIGHT_OPENAPI = {
  name: 'starlight-openapi',
  /** Where the peer server serves the built site. */
  base: 'starlight-openapi',
  /** The plugin's own URL scheme: `<base>/operations/<operationId slug>/`. */
  operationPath: 'api/operations/createcustomer/',
} as const;

const config = (base: string) => `// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightOpenAPI, { openAPISidebarGroups } from 'starlight-openapi';

export default defineConfig({
  base: '/${base}',
  // Redoc's url-template 2 sits at the top of our node_modules and the plugin's own 3 inside its folder; bundled,
  // the plugin gets its own, where an external import from the build output would find Redoc's and fail.
  vite: { resolve: { noExternal: ['url-template'] } },
  integrations: [
    starlight({
      title: 'Payments API',
      plugins: [starlightOpenAPI([{ base: 'api', schema: './openapi/payments.yaml' }])],
      sidebar: [{ label: 'Start', link: '/' }, ...openAPISidebarGroups],
    }),
  ],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

const INDEX = `---
title: Payments API
description: The Engine Room payments API, rendered by starlight-openapi.
---

The reference is in the sidebar.
`;

/**
 * Build the site and copy its output to `outDir`. `openapiDir` is copied whole, so a spec that refers to files beside
 * it still resolves. Throws with Astro's output when the build fails.
 */
export async function buildStarlightOpenApiSite(
  outDir: string,
  openapiDir = 'openapi',
): Promise<{ seconds: number; operationPath: string }> {
  const dir = mkdtempSync(join(process.cwd(), 'dist-bench-starlight-'));
  try {
    cpSync(openapiDir, join(dir, 'openapi'), { recursive: true });
    mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
    writeFileSync(join(dir, 'astro.config.mjs'), config(STARLIGHT_OPENAPI.base));
    writeFileSync(join(dir, 'src/content.config.ts'), CONTENT_CONFIG);
    writeFileSync(join(dir, 'src/content/docs/index.md'), INDEX);
    const started = performance.now();
    // The Astro that the site itself resolves, wherever the project's node_modules is above it.
    const astro = join(
      dirname(createRequire(join(dir, 'astro.config.mjs')).resolve('astro/package.json')),
      'bin/astro.mjs',
    );
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    if (code !== 0) throw new Error(`starlight-openapi site did not build (exit ${code}):\n${output.slice(-4000)}`);
    const page = join(dir, 'dist', STARLIGHT_OPENAPI.operationPath, 'index.html');
    if (!existsSync(page))
      throw new Error(`starlight-openapi built no page at ${STARLIGHT_OPENAPI.operationPath}; its URL scheme changed?`);
    rmSync(outDir, { recursive: true, force: true });
    cpSync(join(dir, 'dist'), outDir, { recursive: true });
    return { seconds: (performance.now() - started) / 1000, operationPath: STARLIGHT_OPENAPI.operationPath };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
