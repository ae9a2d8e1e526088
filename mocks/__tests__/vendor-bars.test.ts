/**
 * The bars issue 12 sets for any document a reader drops in, run on our fixtures and on every vendor document in
 * ../shared/specs when present: a typed body field sent with the wrong type is a 400 or 422, a request without
 * credentials to a secured operation is a 401, and a bounded fuzz of each operation never gets a 5xx. Large documents
 * are sampled (every n-th operation, the same ones every run) so that each spec costs a few seconds.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkResponse } from '../core/contract-check.ts';
import { exampleRequest, type ExampleRequest } from '../core/example-request.ts';
import { deref, finalPointer, type OpenApiDocument, type Operation, type SchemaObject } from '../core/openapi.ts';
import { createSandbox } from '../core/sandbox.ts';
import { loadSpec } from '../load-spec.ts';
import { specFiles } from './spec-files.ts';

const files = specFiles(['tests/fixtures/specs', 'tests/fixtures/quirks']);
/** Operations per spec each check sends to; past it, every n-th one (Square has about 250). */
const PER_SPEC = { wrongType: 60, noCredentials: 60, fuzz: 24 };
const FUZZ_RUNS = 6;

const keyFor = (index: number) => `sk_test_vendorbars${String(index).padStart(4, '0')}`;

/** Up to `count` of `list`, spread evenly over it, the same ones every run. */
function spread<T>(list: T[], count: number): T[] {
  if (list.length <= count) return list;
  const step = list.length / count;
  return Array.from({ length: count }, (_, i) => list[Math.floor(i * step)]!);
}

function send(sandbox: ReturnType<typeof createSandbox>, request: ExampleRequest, body = request.body) {
  const query = new URLSearchParams(request.query).toString();
  return sandbox.handle(
    new Request(
      `http://site.test/sandbox/${sandbox.engine('vendor').location.root}${request.path}${query ? `?${query}` : ''}`,
      {
        method: request.method,
        headers: request.headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? null : (body ?? null),
      },
    ),
  ) as Promise<Response>;
}

const typesOf = (schema: SchemaObject | undefined) => [schema?.type ?? []].flat() as string[];

/**
 * A top-level field of the operation's body with a declared type, and a value of another type for it: text for a
 * number or boolean (the only types a form can get wrong), a number for JSON text. Bodies whose root is a `oneOf` or
 * `anyOf` are left out: another branch may take the field as it is.
 */
function wrongTypedField(
  document: OpenApiDocument,
  operation: Operation,
  request: ExampleRequest,
): { name: string; value: unknown } | undefined {
  const mediaType = request.mediaType;
  if (mediaType === undefined) return undefined;
  const form = mediaType === 'application/x-www-form-urlencoded';
  if (!form && !mediaType.includes('json')) return undefined;
  const pointer = `${finalPointer(document, `${operation.pointer}/requestBody`)}/content/${mediaType.replace(/\//g, '~1')}/schema`;
  const root = deref<SchemaObject>(document, { $ref: pointer });
  if (!root || root.oneOf || root.anyOf) return undefined;
  const parts = [root, ...(root.allOf ?? []).map((part) => deref<SchemaObject>(document, part as SchemaObject))];
  if (parts.some((part) => part?.oneOf || part?.anyOf)) return undefined;
  for (const part of parts) {
    for (const [name, property] of Object.entries(part?.properties ?? {})) {
      const schema = deref<SchemaObject>(document, property as SchemaObject);
      if (!schema || schema.readOnly || schema.oneOf || schema.anyOf) continue;
      const types = typesOf(schema);
      if (types.length === 0) continue;
      const scalar = types.every((type) => ['integer', 'number', 'boolean', 'null'].includes(type));
      if (scalar && types.some((type) => type !== 'null')) return { name, value: 'not-of-this-type' };
      if (!form && !types.some((type) => ['integer', 'number'].includes(type))) return { name, value: 12345 };
    }
  }
  return undefined;
}

function withField(request: ExampleRequest, name: string, value: unknown): string | undefined {
  if (request.mediaType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    for (const key of [...form.keys()]) if (key === name || key.startsWith(`${name}[`)) form.delete(key);
    form.set(name, String(value));
    return form.toString();
  }
  let body: unknown;
  try {
    body = typeof request.body === 'string' ? JSON.parse(request.body) : {};
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  return JSON.stringify({ ...body, [name]: value });
}

const securedOperation = (document: OpenApiDocument, operation: Operation) => {
  const requirements = operation.operation.security ?? document.security ?? [];
  return requirements.length > 0 && requirements.every((requirement) => Object.keys(requirement).length > 0);
};

/** The example request with every credential taken out: headers and query values carrying the key. */
function withoutCredentials(request: ExampleRequest, key: string): ExampleRequest {
  const carries = (value: string) => value.includes(key) || value.includes(btoa(`${key}:`));
  return {
    ...request,
    headers: Object.fromEntries(Object.entries(request.headers).filter(([, value]) => !carries(value))),
    query: Object.fromEntries(Object.entries(request.query).filter(([, value]) => !carries(value))),
  };
}

describe.each(files)('%s: wrong types, missing credentials, fuzzing', (file) => {
  const document = loadSpec(file);
  const sandbox = createSandbox({ specs: { vendor: document }, mount: '/sandbox/' });
  const engine = sandbox.engine('vendor');
  const operations = engine.router.operations;
  const indexed = operations.map((operation, index) => ({ operation, index }));
  if (operations.length === 0) {
    test('has no operations to call (a webhooks-only document)', () => {
      expect(Object.keys(document.webhooks ?? {}).length).toBeGreaterThan(0);
    });
    return;
  }

  const typed = spread(
    indexed.flatMap(({ operation, index }) => {
      const request = exampleRequest(document, operation, keyFor(index));
      const field = wrongTypedField(document, operation, request);
      const body = field && withField(request, field.name, field.value);
      return field && body !== undefined ? [{ operation, index, request, field, body }] : [];
    }),
    PER_SPEC.wrongType,
  );
  if (typed.length > 0)
    test('a body field of the wrong type is a 400 or 422 naming the field where the error shape can', async () => {
      const wrong: string[] = [];
      for (const { operation, request, field, body } of typed) {
        const response = await send(sandbox, request, body);
        const text = await response.text();
        // The field is named, unless the vendor's closed error shape has no room for it (Slack's `{ ok, error }`
        // with an enum of codes): then the answer must at least be valid in that shape.
        const contentType = response.headers.get('content-type');
        const named =
          text.includes(field.name) ||
          (!/"(message|detail|errors)"/.test(text) &&
            checkResponse(engine, operation, { status: response.status, contentType, body: text }).length === 0);
        if (![400, 422].includes(response.status) || !named)
          wrong.push(
            `${operation.id} ${field.name}=${JSON.stringify(field.value)}: ${response.status} ${text.slice(0, 160)}`,
          );
      }
      sandbox.reset();
      expect(wrong).toEqual([]);
    });

  const secured = spread(
    indexed.filter(({ operation }) => securedOperation(document, operation)),
    PER_SPEC.noCredentials,
  );
  if (secured.length > 0)
    test('a secured operation called without credentials is a 401', async () => {
      const wrong: string[] = [];
      for (const { operation, index } of secured) {
        const key = keyFor(index);
        const response = await send(sandbox, withoutCredentials(exampleRequest(document, operation, key), key));
        if (response.status !== 401)
          wrong.push(`${operation.id}: ${response.status} ${(await response.text()).slice(0, 160)}`);
      }
      expect(wrong).toEqual([]);
    });

  test.each(spread(indexed, PER_SPEC.fuzz).map(({ operation, index }) => [operation.id, operation, index] as const))(
    'fuzzing %s finds no 5xx',
    async (_id, operation, index) => {
      const key = keyFor(index);
      const request = exampleRequest(document, operation, key);
      const json = request.mediaType?.includes('json') === true;
      await fc.assert(
        fc.asyncProperty(
          fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
          fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
          fc.string({ maxLength: 20 }),
          async (value, extraQuery, field) => {
            // A JSON body with one field set to anything, or replaced whole; other bodies as the example has them.
            const body =
              json && value !== undefined ? (withField(request, field, value) ?? JSON.stringify(value)) : request.body;
            const response = await send(sandbox, { ...request, query: { ...request.query, ...extraQuery } }, body);
            expect(response.status, await response.text()).toBeLessThan(500);
          },
        ),
        { numRuns: FUZZ_RUNS, seed: 20261202 },
      );
      sandbox.reset();
    },
  );
});
