import { describe, expect, test } from 'vitest';
import { exampleRequest } from '../core/example-request.ts';
import { pickMedia } from '../core/generic-reply.ts';
import { deref, finalPointer, listOperations, type Operation, type ResponseObject } from '../core/openapi.ts';
import { createEngineRoomSandbox } from '../catalog.ts';
import { specs } from '../generated/specs.ts';

const KEY = 'sk_test_contract01';
// A sandbox only to reach each API's validator: built once, not for every check.
const validators = createEngineRoomSandbox();

/** Check an answer against what the spec declares for its status: the status must be documented, the body valid. */
function declaredSchemaErrors(
  api: string,
  operation: Operation,
  status: number,
  body: unknown,
  mediaType: string | null,
) {
  const document = specs[api]!;
  const responses = operation.operation.responses ?? {};
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => candidate in responses);
  if (!key) return [`status ${status} is not documented`];
  const pointer = finalPointer(document, `${operation.pointer}/responses/${key}`);
  const response = deref<ResponseObject>(document, { $ref: pointer });
  if (!response?.content) return body === undefined ? [] : ['a body was sent where the spec declares none'];
  const type = (mediaType ?? '').split(';')[0]!;
  const declared = type in response.content ? type : pickMedia(response.content)[0]!;
  if (!response.content[declared]?.schema || !type.includes('json')) return [];
  const schemaPointer = `${pointer}/content/${declared.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
  return validators
    .engine(api)
    .validator.validate(schemaPointer, body, '/body')
    .map((e) => `${e.pointer} ${e.detail}`);
}

async function send(sandbox: ReturnType<typeof createEngineRoomSandbox>, api: string, operation: Operation, key = KEY) {
  const example = exampleRequest(specs[api]!, operation, key);
  const query = new URLSearchParams(example.query).toString();
  const response = (await sandbox.handle(
    new Request(`http://site.test/sandbox/${api}/v1${example.path}${query ? `?${query}` : ''}`, {
      method: example.method,
      headers: example.headers,
      body: example.body ?? null,
    }),
  ))!;
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  return { response, body: text && isJson ? JSON.parse(text) : text || undefined };
}

describe.each(Object.keys(specs))('the %s sandbox honours its spec', (api) => {
  const operations = listOperations(specs[api]!);

  test.each(operations.map((operation) => [operation.id, operation] as const))(
    '%s: the documented example request succeeds with a schema-valid body',
    async (_id, operation) => {
      const sandbox = createEngineRoomSandbox({ now: () => new Date('2026-11-25T12:00:00Z') });
      const { response, body } = await send(sandbox, api, operation);
      expect(response.status, JSON.stringify(body)).toBeLessThan(300);
      expect(declaredSchemaErrors(api, operation, response.status, body, response.headers.get('content-type'))).toEqual(
        [],
      );
    },
  );

  test.each(
    operations
      .filter((operation) => (operation.operation.security ?? specs[api]!.security ?? []).length > 0)
      .map((o) => [o.id, o] as const),
  )('%s: without a key it is a documented 401', async (_id, operation) => {
    const sandbox = createEngineRoomSandbox();
    const { response, body } = await send(sandbox, api, operation, 'not-a-key');
    expect(response.status).toBe(401);
    expect(declaredSchemaErrors(api, operation, 401, body, response.headers.get('content-type'))).toEqual([]);
  });
});
