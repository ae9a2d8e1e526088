/**
 * `npm run sandbox`: the same sandbox the browser runs, as a local HTTP server, for curl, Postman or your own code.
 *
 *   npm run sandbox -- --port 4010
 *   curl -H "Authorization: Bearer sk_test_12345678" http://localhost:4010/payments/v1/customers
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createEngineRoomSandbox } from './catalog.ts';
import type { Sandbox } from './core/sandbox.ts';

const LOCALHOST_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** CORS for pages served from this machine (the dev site, a local app), and for no one else. */
function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin || !LOCALHOST_ORIGIN.test(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, idempotency-key, if-match, if-none-match',
    'access-control-expose-headers':
      'etag, location, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset, idempotent-replayed',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

/** An API's name and server path (`payments/v1`); the name alone for an API not loaded yet. */
function rootOf(sandbox: Sandbox, api: string): string {
  try {
    return sandbox.engine(api).location.root;
  } catch {
    return api;
  }
}

export function createSandboxServer(sandbox: Sandbox, log: (line: string) => void = console.log) {
  return createServer(async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const started = performance.now();
    const cors = corsHeaders(incoming.headers.origin);
    const url = `http://${incoming.headers.host ?? 'localhost'}${incoming.url ?? '/'}`;
    let status = 500;
    try {
      if (incoming.method === 'OPTIONS') {
        status = 204;
        outgoing.writeHead(status, cors).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (typeof value === 'string') headers.set(name, value);
        else if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
      }
      const hasBody = chunks.length > 0 && incoming.method !== 'GET' && incoming.method !== 'HEAD';
      const request = new Request(url, {
        method: incoming.method ?? 'GET',
        headers,
        body: hasBody ? Buffer.concat(chunks) : null,
      });
      const response =
        (await sandbox.handle(request)) ??
        Response.json(
          {
            title: 'Not found',
            status: 404,
            detail: `Sandbox APIs live at /<api>/…: ${sandbox.apis.map((api) => `/${rootOf(sandbox, api)}`).join(', ')}`,
          },
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        );
      status = response.status;
      outgoing.writeHead(status, { ...Object.fromEntries(response.headers), ...cors });
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      outgoing.writeHead(status, { 'content-type': 'text/plain', ...cors }).end(String(error));
    } finally {
      log(`${incoming.method} ${incoming.url} ${status} ${(performance.now() - started).toFixed(1)} ms`);
    }
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4010' }, quiet: { type: 'boolean', default: false } },
  });
  const sandbox = createEngineRoomSandbox({ mount: '/' });
  const server = createSandboxServer(sandbox, values.quiet ? () => undefined : console.log);
  server.listen(Number(values.port), '127.0.0.1', () => {
    // Port 0 asks the system for a free port; print the one we got.
    const { port } = server.address() as AddressInfo;
    console.log(`Engine Room sandbox on http://localhost:${port}`);
    for (const api of sandbox.apis) console.log(`  ${api.padEnd(10)} http://localhost:${port}/${rootOf(sandbox, api)}`);
    console.log('Any key of the form sk_test_12345678 works. Press Ctrl-C to stop.');
  });
  const stop = () => {
    console.log('\nStopping the sandbox.');
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
