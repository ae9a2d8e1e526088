/**
 * Shapes real vendor documents use that once broke the generic mocks, each proved on a small fixture written for
 * this project (tests/fixtures/specs/sandbox-quirks.yaml), so that a fresh clone without ../shared tests them too.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkRequest } from '../core/contract-check.ts';
import { exampleRequest } from '../core/example-request.ts';
import { listOperations } from '../core/openapi.ts';
import { createSandbox } from '../core/sandbox.ts';
import { loadSpec } from '../load-spec.ts';
import { createSandboxServer } from '../server.ts';

const KEY = 'sk_test_specquirks';
const document = loadSpec('tests/fixtures/specs/sandbox-quirks.yaml');
const sandbox = createSandbox({ specs: { quirks: document }, mount: '/sandbox/' });
const engine = sandbox.engine('quirks');
const base = 'http://site.test/sandbox/quirks/v1';

const send = (path: string, init: RequestInit & { json?: unknown } = {}) => {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (!headers.has('authorization') && !headers.has('x-api-key')) headers.set('authorization', `Bearer ${KEY}`);
  if (json !== undefined) headers.set('content-type', 'application/json');
  return sandbox.handle(
    new Request(`${base}${path}`, {
      ...rest,
      headers,
      body: json === undefined ? (rest.body ?? null) : JSON.stringify(json),
    }),
  ) as Promise<Response>;
};

describe('an OAuth 2 scheme with a relative token URL (/v1/oauth2/token)', () => {
  test('every operation answers, with a key, without one and with a wrong one, and never with a 5xx', async () => {
    expect(document.components?.securitySchemes?.oauth).toMatchObject({
      flows: { clientCredentials: { tokenUrl: '/v1/oauth2/token' } },
    });
    for (const operation of listOperations(document)) {
      const example = exampleRequest(document, operation, KEY);
      const init = { method: example.method, body: example.body ?? null };
      const url = `${base}${example.path}`;
      const withKey = (await sandbox.handle(new Request(url, { ...init, headers: example.headers })))!;
      expect(withKey.status, `${operation.id}: ${await withKey.clone().text()}`).toBeLessThan(300);
      const contentType = example.headers['content-type'];
      const bare: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      const anonymous = (await sandbox.handle(new Request(url, { ...init, headers: bare })))!;
      expect(anonymous.status, operation.id).toBe(401);
      const wrong = (await sandbox.handle(
        new Request(url, { ...init, headers: { ...bare, authorization: 'Bearer not-a-key' } }),
      ))!;
      expect(wrong.status, operation.id).toBe(401);
    }
  });

  test('a security requirement written as { "oauth": null } means no particular scope', async () => {
    const response = await send('/segments');
    expect(response.status).toBe(200);
  });

  describe('the local HTTP server answers the same', () => {
    const server = createSandboxServer(createSandbox({ specs: { quirks: document }, mount: '/' }), () => undefined);
    let origin = '';
    beforeAll(async () => {
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => server.close());

    test('with and without credentials', async () => {
      const ok = await fetch(`${origin}/quirks/v1/contacts/c_1`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ id: expect.any(String), email: expect.any(String) });
      const anonymous = await fetch(`${origin}/quirks/v1/contacts/c_1`);
      expect(anonymous.status).toBe(401);
    });
  });
});

describe('path keys with a # suffix (/engage#import, /engage#delete)', () => {
  test('are routed by their real path, and the body picks the operation', async () => {
    const imported = await send('/engage', {
      method: 'POST',
      json: { action: 'import', contacts: [{ id: 'c_1', email: 'ada@example.com', channel: { handle: 'ada' } }] },
    });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toHaveProperty('imported');
    const deleted = await send('/engage', { method: 'POST', json: { action: 'delete', ids: ['c_1'] } });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toHaveProperty('deleted');
  });

  test('a body that fits neither is judged by the first operation', async () => {
    const response = await send('/engage', { method: 'POST', json: { action: 'merge' } });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors).toContainEqual({ pointer: '/body/action', detail: 'must be one of: "import"' });
  });

  test('another method on the real path is a 405 naming the methods it has', async () => {
    const response = await send('/engage');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  test("Try it's example requests go to the real path, and the live check accepts both bodies", async () => {
    for (const id of ['importContacts', 'deleteContacts']) {
      const operation = listOperations(document).find((candidate) => candidate.id === id)!;
      const example = exampleRequest(document, operation, KEY);
      expect(example.path).toBe('/engage');
      const request = new Request(`${base}${example.path}`, {
        method: example.method,
        headers: example.headers,
        body: example.body ?? null,
      });
      expect(await checkRequest(engine, request, example.path)).toEqual([]);
    }
  });
});

describe('a path key that fixes a query (/contacts?view=summary)', () => {
  test('answers requests with that query; the same path without it goes to the plain key', async () => {
    const summaries = await send('/contacts?view=summary');
    expect(summaries.status).toBe(200);
    expect(await summaries.json()).toHaveProperty('names');
    const contacts = await send('/contacts');
    expect(await contacts.json()).toHaveProperty('contacts');
  });

  test("Try it's example request sends the query", () => {
    const operation = listOperations(document).find((candidate) => candidate.id === 'listContactSummaries')!;
    const example = exampleRequest(document, operation, KEY);
    expect(example.path).toBe('/contacts');
    expect(example.query).toEqual({ view: 'summary' });
  });
});

describe('a request body declared on a GET', () => {
  test('is ignored, though the spec calls it required', async () => {
    const response = await send('/contacts?limit=2');
    expect(response.status).toBe(200);
  });

  test('is left out of the example request, which fetch could not send', () => {
    const operation = listOperations(document).find((candidate) => candidate.id === 'listContacts')!;
    const example = exampleRequest(document, operation, KEY);
    expect(example.body).toBeUndefined();
    expect(example.headers['content-type']).toBeUndefined();
  });
});

describe('an operationId used twice', () => {
  test('each operation keeps an id of its own and answers', async () => {
    const ids = listOperations(document)
      .filter((operation) => operation.path === '/contacts/{id}')
      .map((operation) => operation.id);
    expect(ids).toEqual(['getContact', 'getContact-2']);
    expect((await send('/contacts/c_1')).status).toBe(200);
    expect((await send('/contacts/c_1', { method: 'DELETE' })).status).toBe(200);
  });
});

describe('a $ref to a schema the vendor did not ship', () => {
  test('allows any value in the answer, and the answer still validates', async () => {
    const response = await send('/segments');
    const body = await response.json();
    expect(body.segments).toHaveLength(1);
    const pointer = '#/paths/~1segments/get/responses/200/content/application~1json/schema';
    expect(engine.validator.validate(pointer, body)).toEqual([]);
    expect(engine.validator.validate(pointer, { ...body, segments: ['anything', 42, null] })).toEqual([]);
  });
});

describe('generated answers', () => {
  test('a discriminated oneOf list, a Swagger tuple and a self-nesting required schema all validate', async () => {
    const response = await send('/activities');
    const body = await response.json();
    const pointer = '#/paths/~1activities/get/responses/200/content/application~1json/schema';
    expect(engine.validator.validate(pointer, body)).toEqual([]);
    expect(body.activities).toHaveLength(2);
    expect(body.activities[0].kind).toBe('note');
    const segments = await (await send('/segments')).json();
    expect(segments.rule).toEqual({ op: 'and', children: [] });
  });
});

describe('schema ids and references the validator cannot resolve', () => {
  test('a draft-4 `id`, a relative `$id` and an external `$ref` do not stop the sandbox', async () => {
    const inline = createSandbox({
      specs: {
        pets: {
          openapi: '3.1.0',
          info: { title: 'Pets', version: '1.0.0' },
          paths: {
            '/pets/{id}': {
              get: {
                operationId: 'getPet',
                parameters: [{ name: 'id', in: 'path', required: true, schema: { id: 'petId', type: 'string' } }],
                responses: {
                  '200': {
                    description: 'The pet.',
                    content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
                  },
                },
              },
            },
          },
          components: {
            schemas: {
              Pet: {
                id: 'pet',
                $id: 'pet.json',
                type: 'object',
                required: ['id', 'owner'],
                properties: { id: { type: 'string' }, owner: { $ref: 'people.yaml#/Person' } },
              },
            },
          },
        },
      },
      mount: '/sandbox/',
    });
    const response = (await inline.handle(new Request('http://site.test/sandbox/pets/pets/p_1')))!;
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ id: expect.any(String), owner: {} });
  });
});
