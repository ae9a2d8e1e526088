import { describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../catalog.ts';
import { exampleRequest, type ExampleRequest } from '../core/example-request.ts';
import { listOperations, type Operation } from '../core/openapi.ts';
import { memoryPersistence } from '../core/persistence.ts';
import { specs } from '../generated/specs.ts';

/**
 * Every error status an operation documents can really be produced. Each documented status is tried with the
 * provocations that usually cause it (no key, a bad parameter, broken JSON, a wrong body, an unknown id, too many
 * requests …) until one answers with exactly that status.
 */
const KEY = 'sk_test_reachability';
type Provocation = (request: ExampleRequest, operation: Operation, api: string) => ExampleRequest[];

const json = (request: ExampleRequest): Record<string, unknown> | undefined => {
  try {
    const body = JSON.parse(String(request.body));
    return body && typeof body === 'object' && !Array.isArray(body) ? body : undefined;
  } catch {
    return undefined;
  }
};
const withBody = (
  request: ExampleRequest,
  body: string,
  type = request.headers['content-type'] ?? 'application/json',
) => ({
  ...request,
  body,
  headers: { ...request.headers, 'content-type': type },
});
const withoutBody = ({ body: _body, ...rest }: ExampleRequest): ExampleRequest => rest;
const unknownIds = (request: ExampleRequest, operation: Operation): ExampleRequest[] => {
  const names = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  if (names.length === 0) return [];
  const template = operation.path.split('/');
  const filled = request.path.split('/');
  return names.map((name) => {
    const index = template.indexOf(`{${name}}`);
    const path = [...filled];
    path[index] = `${path[index]}zz9`;
    return { ...request, path: path.join('/') };
  });
};

const replacePathParameter = (request: ExampleRequest, operation: Operation, name: string, value: string) => {
  const index = operation.path.split('/').indexOf(`{${name}}`);
  const path = request.path.split('/');
  path[index] = value;
  return { ...request, path: path.join('/') };
};

const PROVOCATIONS: Record<number, Provocation> = {
  400: (request, operation) => [
    ...operation.parameters
      .filter((p) => p.in === 'path')
      .flatMap((p) =>
        ['%20!', 'x'.repeat(300)].map((value) => replacePathParameter(request, operation, p.name, value)),
      ),
    ...operation.parameters
      .filter((p) => p.in === 'query')
      .flatMap((p) =>
        ['0', '%%not-valid%%', '', 'a'].map((value) => ({ ...request, query: { ...request.query, [p.name]: value } })),
      ),
    ...(request.body !== undefined ? [withBody(request, '{"broken": ')] : []),
    ...(request.body !== undefined ? [withoutBody(request)] : []),
    ...(request.body !== undefined ? [withBody(request, '{}')] : []),
  ],
  403: (request) => [
    { ...request, headers: { ...request.headers, authorization: 'Bearer sat_noscopes_reachability' } },
  ],
  404: (request, operation) => unknownIds(request, operation),
  409: (request) => [
    request,
    // The same Idempotency-Key with a body that differs (here only in its spacing) from the first request's.
    ...(json(request)
      ? [
          {
            ...withBody(request, JSON.stringify(json(request))),
            headers: { ...request.headers, 'Idempotency-Key': 'reach-409' },
          },
        ]
      : []),
  ],
  412: (request) => [{ ...request, headers: { ...request.headers, 'If-Match': '"999"' } }],
  413: (request, _operation, api) => [
    withBody(
      request,
      JSON.stringify({ padding: 'x'.repeat((specs[api]!['x-sandbox']?.maxBodyBytes ?? 1048576) + 10) }),
    ),
  ],
  415: (request) => (request.body !== undefined ? [withBody(request, 'a,b\n1,2', 'text/csv')] : []),
  422: (request) => {
    const body = json(request);
    return body
      ? [
          withBody(request, JSON.stringify({ ...body, unknown_field_for_tests: true })),
          withBody(request, '{}'),
          withBody(request, '[]'),
          withBody(request, '"text"'),
          ...Object.keys(body).map((key) => withBody(request, JSON.stringify({ ...body, [key]: { wrong: 'type' } }))),
          ...Object.keys(body).map((key) => withBody(request, JSON.stringify({ ...body, [key]: 'x'.repeat(5000) }))),
          ...Object.keys(body).map((key) => withBody(request, JSON.stringify({ ...body, [key]: -99999 }))),
        ]
      : request.body !== undefined
        ? [withBody(request, 'x')]
        : [];
  },
};

/** Errors that need a particular situation, set up by name: the provocation for `<api> <operationId> <status>`. */
const SITUATIONS: Record<string, Provocation> = {
  // Refund the rest of pi_demo0001 (no amount), so that a second refund finds nothing left.
  'payments createRefund 409': (request) => [withBody(request, JSON.stringify({ payment_intent: 'pi_demo0001' }))],
  // A bucket that still holds objects cannot be deleted.
  'storage deleteBucket 409': (request, operation) => [
    replacePathParameter(request, operation, 'bucket', 'user-uploads'),
  ],
  // Everyone's sandbox user is usr_demo0001, who cannot follow themselves.
  'social followUser 422': (request, operation) => [replacePathParameter(request, operation, 'id', 'usr_demo0001')],
  // The app's secret is sent in the form body, not in a header.
  'social exchangeToken 401': (request) => [
    { ...request, body: String(request.body).replace(/client_secret=[^&]*/, 'client_secret=sk_live_nope') },
  ],
};

async function send(sandbox: ReturnType<typeof createEngineRoomSandbox>, api: string, request: ExampleRequest) {
  const query = new URLSearchParams(request.query).toString();
  const response = (await sandbox.handle(
    new Request(`http://site.test/sandbox/${api}/v1${request.path}${query ? `?${query}` : ''}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' ? null : (request.body ?? null),
    }),
  ))!;
  return response.status;
}

function freshSandbox() {
  const persistence = memoryPersistence();
  // A token that was granted no scopes at all, for the 403 a missing scope gives.
  const far = '2999-01-01T00:00:00Z';
  persistence.save(
    'shared:social',
    JSON.stringify({ tokens: { sat_noscopes_reachability: { sandboxKey: KEY, scopes: [], expires_at: far } } }),
  );
  return createEngineRoomSandbox({ persistence, now: () => new Date('2026-11-25T12:00:00Z') });
}

async function reaches(api: string, operation: Operation, status: number): Promise<boolean> {
  const example = exampleRequest(specs[api]!, operation, KEY);
  if (status === 401) {
    const wrongKey = { ...example, headers: { ...example.headers, authorization: 'Bearer nope' } };
    const situation = SITUATIONS[`${api} ${operation.id} 401`]?.(example, operation, api) ?? [];
    for (const attempt of [wrongKey, ...situation]) if ((await send(freshSandbox(), api, attempt)) === 401) return true;
    return false;
  }
  if (status === 429) {
    const sandbox = freshSandbox();
    const limit = specs[api]!['x-sandbox']?.rateLimit?.limit ?? 100;
    for (let i = 0; i < limit; i++) await send(sandbox, api, example);
    return (await send(sandbox, api, example)) === 429;
  }
  const attempts = [
    ...(SITUATIONS[`${api} ${operation.id} ${status}`]?.(example, operation, api) ?? []),
    ...(PROVOCATIONS[status]?.(example, operation, api) ?? []),
  ];
  for (const attempt of attempts) {
    const sandbox = freshSandbox();
    // Conflicts need the first request to have happened: send the example once before the provocation.
    if (status === 409) {
      const first = attempt.headers['Idempotency-Key']
        ? { ...example, headers: { ...example.headers, ...attempt.headers } }
        : attempt;
      await send(sandbox, api, first);
    }
    if ((await send(sandbox, api, attempt)) === status) return true;
  }
  return false;
}

describe.each(Object.keys(specs))('every documented error of the %s sandbox can be reached', (api) => {
  const cases = listOperations(specs[api]!).flatMap((operation) =>
    Object.keys(operation.operation.responses ?? {})
      .filter((status) => /^4\d\d$/.test(status))
      .map((status) => [`${operation.id} ${status}`, operation, Number(status)] as const),
  );
  test.each(cases)('%s', async (_name, operation, status) => {
    expect(await reaches(api, operation, status)).toBe(true);
  });
});
