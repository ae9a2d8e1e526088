import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../catalog.ts';
import { checkResponse } from '../core/contract-check.ts';
import { exampleRequest } from '../core/example-request.ts';
import { finalPointer, listOperations, type Operation } from '../core/openapi.ts';
import { specs } from '../generated/specs.ts';

const KEY = 'sk_test_fuzzing0001';

/** Mutations of a valid JSON body that real clients get wrong: wrong types, missing fields, extra fields, junk. */
const bodyMutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue() }),
  fc.record({ kind: fc.constant('set' as const), field: fc.string({ maxLength: 12 }), value: fc.jsonValue() }),
  fc.record({ kind: fc.constant('drop' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('text' as const), value: fc.string({ maxLength: 40 }) }),
);
const queryMutation = fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 }), {
  maxKeys: 3,
});

function applyMutation(
  body: string | undefined,
  mutation: { kind: string; value?: unknown; field?: string; index?: number },
): string {
  if (mutation.kind === 'text') return String(mutation.value);
  if (mutation.kind === 'replace') return JSON.stringify(mutation.value);
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : {};
  } catch {
    parsed = {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return JSON.stringify(mutation.value ?? null);
  const copy = { ...(parsed as Record<string, unknown>) };
  if (mutation.kind === 'set') copy[mutation.field!] = mutation.value;
  if (mutation.kind === 'drop') {
    const keys = Object.keys(copy);
    if (keys.length > 0) delete copy[keys[mutation.index! % keys.length]!];
  }
  return JSON.stringify(copy);
}

const withJsonBody = (api: string, operation: Operation) =>
  exampleRequest(specs[api]!, operation, KEY).mediaType?.includes('json') === true;

describe.each(Object.keys(specs))('fuzzing the %s sandbox', (api) => {
  const operations = listOperations(specs[api]!).filter(
    (operation) => operation.method !== 'get' || operation.parameters.length > 0,
  );

  test.each(operations.map((operation) => [operation.id, operation] as const))(
    '%s: malformed requests get a 4xx problem, never a 5xx, and change nothing',
    async (_id, operation) => {
      const sandbox = createEngineRoomSandbox({ now: () => new Date('2026-11-25T12:00:00Z') });
      const engine = sandbox.engine(api);
      const { validator } = engine;
      const example = exampleRequest(specs[api]!, operation, KEY);
      const bodySchema = `${finalPointer(specs[api]!, `${operation.pointer}/requestBody`)}/content/${(example.mediaType ?? '').replace(/\//g, '~1')}/schema`;
      await fc.assert(
        fc.asyncProperty(bodyMutation, queryMutation, async (mutation, extraQuery) => {
          const body = withJsonBody(api, operation)
            ? applyMutation(example.body as string, mutation)
            : (example.body as string | undefined);
          const query = new URLSearchParams({ ...example.query, ...extraQuery }).toString();
          const kept = () => {
            const { data, resources } = sandbox.state(KEY, api);
            return JSON.stringify({ data, resources });
          };
          const before = kept();
          const response = (await sandbox.handle(
            new Request(`http://site.test/sandbox/${api}/v1${example.path}?${query}`, {
              method: example.method,
              headers: example.headers,
              body: example.method === 'GET' ? null : (body ?? null),
            }),
          ))!;
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            const text = await response.text();
            if (response.headers.get('content-type') === 'application/problem+json') {
              expect(JSON.parse(text).status).toBe(response.status);
            } else {
              // An operation with an error schema of its own gets its refusals in that shape.
              const contentType = response.headers.get('content-type');
              expect(checkResponse(engine, operation, { status: response.status, contentType, body: text })).toEqual(
                [],
              );
            }
            expect(kept()).toBe(before);
          }
          // A body the schema rejects must never be accepted.
          if (withJsonBody(api, operation) && body !== undefined) {
            let parsed: unknown;
            let parses = true;
            try {
              parsed = JSON.parse(body);
            } catch {
              parses = false;
            }
            if (!parses || validator.validate(bodySchema, parsed).length > 0)
              expect(response.status).toBeGreaterThanOrEqual(400);
          }
          sandbox.reset();
        }),
        { numRuns: 25, seed: 20261125 },
      );
    },
  );
});
