/**
 * Serve a built site the way a static host does: files under a base path, `index.html` for folders, and the site's
 * own `404.html` for anything missing, and the headers of the build's `_headers` file. The browser tests run two builds
 * (root and sub-path base) side by side, which `astro preview` refuses to do for one project. With `--compress` it
 * also answers with brotli or gzip by Accept-Encoding, as a CDN does (the bench measures the site and its peers that
 * way); without it, as the browser tests run, every body goes out as it is on disk.
 *
 *   node scripts/serve-dist.ts --dir dist-docs --base /docs --port 4392 [--compress]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { headersFor, parseHeadersFile } from '../src/lib/security-headers.ts';
import { createCompressionCache, isCompressible } from './compressed-responses.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/' },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    compress: { type: 'boolean', default: false },
  },
});

const root = resolve(values.dir);
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
};

if (!existsSync(root)) {
  console.error(`serve-dist: ${values.dir}/ does not exist; build the site first.`);
  process.exit(1);
}

// Like Netlify or Cloudflare Pages, apply the build's `_headers` file (the Content-Security-Policy among them), so
// every browser test runs under the headers a deployment would send. The file itself is never served.
const headerRules = existsSync(join(root, '_headers'))
  ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'))
  : [];

/** Map a URL path to a file inside the build, or undefined when there is none (or the path escapes the folder). */
function fileFor(pathname: string): string | undefined {
  if (!`${pathname}/`.startsWith(base)) return undefined;
  const relative = normalize(decodeURIComponent(pathname.slice(base.length - 1)));
  const path = join(root, relative);
  if (!path.startsWith(root)) return undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}

const compression = values.compress ? createCompressionCache() : undefined;

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname === base.slice(0, -1) && base !== '/') {
    response.writeHead(301, { location: base }).end();
    return;
  }
  const file = pathname.endsWith('/_headers') ? undefined : fileFor(pathname);
  const status = file ? 200 : 404;
  const served = file ?? join(root, '404.html');
  if (!existsSync(served)) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  for (const [name, value] of headersFor(headerRules, pathname)) response.setHeader(name, value);
  const type = TYPES[extname(served)] ?? 'application/octet-stream';
  if (!compression || !isCompressible(type)) {
    response.writeHead(status, { 'content-type': type });
    createReadStream(served).pipe(response);
    return;
  }
  compression.get(served, request.headers['accept-encoding']).then(
    ({ encoding, body }) => {
      response.writeHead(status, {
        'content-type': type,
        'content-length': body.length,
        vary: 'Accept-Encoding',
        ...(encoding !== 'identity' && { 'content-encoding': encoding }),
      });
      response.end(body);
    },
    (error: unknown) => {
      console.error(`serve-dist: could not serve ${served}: ${String(error)}`);
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
    },
  );
});

server.listen(Number(values.port), values.host, () => {
  console.log(
    `Serving ${values.dir}/ at http://${values.host}:${values.port}${base}${values.compress ? ' (brotli/gzip)' : ''}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
