import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../catalog.ts';
import type { OpenApiDocument } from '../core/openapi.ts';
import { createSandbox, type Sandbox } from '../core/sandbox.ts';
import { sandbox, server } from '../node.ts';
import { createSandboxServer } from '../server.ts';

const KEY = 'sk_test_runtimes01';

describe('msw/node: the handlers the browser uses, in Node', () => {
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  test('fetch to /sandbox/<api>/v1 is answered by the sandbox, with its state', async () => {
    const api = sandbox.apis[0]!;
    const response = await fetch(`http://localhost/sandbox/${api}/v1/__nowhere__`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toContain(`The ${api} API has no path`);
  });
});

describe('npm run sandbox: the same sandbox over HTTP', () => {
  const lines: string[] = [];
  const http = createSandboxServer(createEngineRoomSandbox({ mount: '/' }), (line) => lines.push(line));
  let base = '';
  beforeAll(async () => {
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => http.close());

  test('answers a URL outside every API with a 404 problem, and logs one line per request', async () => {
    const response = await fetch(`${base}/no-such-api/v1/things`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(response.status).toBe(404);
    expect(lines.at(-1)).toMatch(/^GET \/no-such-api\/v1\/things 404 \d+\.\d ms$/);
  });

  test('answers CORS preflights from localhost pages, and from no one else', async () => {
    const allowed = await fetch(`${base}/payments/v1/customers`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4321' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const foreign = await fetch(`${base}/payments/v1/customers`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('npm run sandbox: where it says the APIs live', () => {
  const spec = (title: string, schemas = {}) =>
    ({
      openapi: '3.1.0',
      info: { title, version: '1' },
      servers: [{ url: 'https://api.example.com/v1' }],
      paths: {},
      components: { schemas },
    }) as OpenApiDocument;
  /** What a server over `sandbox` answers for a URL outside its mount. */
  async function elsewhere(sandbox: Sandbox) {
    const http = createSandboxServer(sandbox, () => undefined);
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    try {
      const response = await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/elsewhere`);
      return { status: response.status, body: await response.text() };
    } finally {
      http.close();
    }
  }

  test('a URL outside the sandbox lists each API at its root, by name alone when it is not loaded yet', async () => {
    const sandbox = createSandbox({
      specs: { ready: spec('Ready') },
      lazyApis: { later: async () => ({ document: spec('Later') }) },
      mount: '/sandbox/',
    });
    const answer = await elsewhere(sandbox);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).detail).toBe('Sandbox APIs live at /<api>/…: /ready/v1, /later');
  });

  test('a spec the sandbox cannot serve is named with its reason, not listed as if it worked', async () => {
    const clash = { A: { $id: 'https://example.com/same', type: 'string' }, B: { $id: 'https://example.com/same' } };
    const answer = await elsewhere(createSandbox({ specs: { broken: spec('Broken', clash) }, mount: '/sandbox/' }));
    expect(answer.status).toBe(500);
    expect(answer.body).toBe(
      'Error: The sandbox API "broken" cannot be served: Duplicate schema URI "https://example.com/same".',
    );
  });
});
