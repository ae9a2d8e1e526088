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
import type { Answer } from './core/replies.ts';
import { NotLoadedError, type Sandbox } from './core/sandbox.ts';

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

/**
 * An API's name and server path (`payments/v1`); the name alone for an API not loaded yet, whose server path is in
 * the spec it has not fetched. A spec the sandbox cannot serve is an error naming the API, not a root to list.
 */
function rootOf(sandbox: Sandbox, api: string): string {
  try {
    return sandbox.engine(api).location.root;
  } catch (error) {
    if (error instanceof NotLoadedError) return api;
    throw new Error(`The sandbox API "${api}" cannot be served: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * An answer's headers as a web Response would send them: names in lower case, values trimmed, a repeated name's
 * values joined, and the type a Response gives a text body that names none.
 */
function sentHeaders({ headers, body }: Answer): Record<string, string> {
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    const text = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    sent[key] = key in sent ? `${sent[key]}, ${text}` : text;
  }
  if (typeof body === 'string' && !('content-type' in sent)) sent['content-type'] = 'text/plain;charset=UTF-8';
  return sent;
}

/** Whether a request comes with a body to read: GET and HEAD bodies mean nothing here and are never read. */
const sendsBody = (incoming: IncomingMessage) =>
  incoming.method !== 'GET' &&
  incoming.method !== 'HEAD' &&
  (incoming.headers['transfer-encoding'] !== undefined || Number(incoming.headers['content-length'] ?? 0) > 0);

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
      if (sendsBody(incoming)) for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (typeof value === 'string') headers.set(name, value);
        else if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
      }
      const request = new Request(url, {
        method: incoming.method ?? 'GET',
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : null,
      });
      const answer: Answer = (await sandbox.answer(request)) ?? {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
        body: JSON.stringify({
          title: 'Not found',
          status: 404,
          detail: `Sandbox APIs live at /<api>/…: ${sandbox.apis.map((api) => `/${rootOf(sandbox, api)}`).join(', ')}`,
        }),
      };
      status = answer.status;
      outgoing.writeHead(status, { ...sentHeaders(answer), ...cors });
      outgoing.end(answer.body ?? undefined);
    } catch (error) {
      outgoing.writeHead(status, { 'content-type': 'text/plain', ...cors }).end(String(error));
    } finally {
      log(`${incoming.method} ${incoming.url} ${status} ${(performance.now() - started).toFixed(1)} ms`);
    }
  });
}

/**
 * One line per request, written a batch at a time: a busy server answers many requests between two writes, and
 * console.log would make each line a write of its own, waiting for the terminal or pipe, on the request's path.
 */
export function batchedLog(write: (text: string) => void, delayMs = 50) {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    write(text);
  };
  const log = (line: string) => {
    if (pending.push(line) === 1) setTimeout(flush, delayMs).unref();
  };
  return { log, flush };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4010' }, quiet: { type: 'boolean', default: false } },
  });
  const sandbox = createEngineRoomSandbox({ mount: '/' });
  let roots: string[] = [];
  try {
    roots = sandbox.apis.map((api) => rootOf(sandbox, api));
  } catch (error) {
    // A spec that cannot be served (one added with OPENAPI_EXTRA, say) stops the start, with the reason on one line.
    console.error(`Cannot start the sandbox: ${(error as Error).message}`);
    process.exit(1);
  }
  const requests = batchedLog((text) => process.stdout.write(text));
  const server = createSandboxServer(sandbox, values.quiet ? () => undefined : requests.log);
  server.listen(Number(values.port), '127.0.0.1', () => {
    // Port 0 asks the system for a free port; print the one we got.
    const { port } = server.address() as AddressInfo;
    console.log(`Engine Room sandbox on http://localhost:${port}`);
    sandbox.apis.forEach((api, index) => console.log(`  ${api.padEnd(10)} http://localhost:${port}/${roots[index]}`));
    console.log('Any key of the form sk_test_12345678 works. Press Ctrl-C to stop.');
  });
  const stop = () => {
    requests.flush();
    console.log('\nStopping the sandbox.');
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
