import { describe, expect, test } from 'vitest';
import type { ApiDefinition } from '../define-api.ts';
import { ProblemError } from '../problem.ts';
import { memoryPersistence } from '../persistence.ts';
import { createSandbox } from '../sandbox.ts';
import { verifyWebhook } from '../webhooks.ts';
import { notesSpec } from './fixture-spec.ts';

interface Note {
  id: string;
  text: string;
  pinned: boolean;
}

const notes: ApiDefinition<{ notes: Note[] }> = {
  seed: () => ({ notes: [{ id: 'note_seed', text: 'seeded', pinned: true }] }),
  handlers: {
    listNotes: ({ data, input }) => {
      const where = input.query.where as { pinned?: boolean } | undefined;
      const items = where?.pinned === undefined ? data.notes : data.notes.filter((n) => n.pinned === where.pinned);
      const limit = (input.query.limit as number | undefined) ?? 10;
      const start = input.query.starting_after ? items.findIndex((n) => n.id === input.query.starting_after) + 1 : 0;
      return {
        status: 200,
        body: { object: 'list', data: items.slice(start, start + limit), has_more: start + limit < items.length },
      };
    },
    createNote: async ({ data, input, id, emit }) => {
      const body = input.body as { text: string; pinned?: boolean };
      const note = { id: id('note_'), text: body.text, pinned: body.pinned ?? false };
      data.notes.push(note);
      if (note.text === 'explode') throw new ProblemError(409, 'The handler refused after changing its draft.');
      await emit('note.created', note);
      return { status: 201, body: note };
    },
    getNote: ({ data, input }) => {
      const note = data.notes.find((n) => n.id === input.path.id);
      if (!note) throw new ProblemError(404, 'No such note.');
      return { status: 200, body: note };
    },
    getLatestNote: ({ data }) => ({ status: 200, body: data.notes.at(-1) }),
  },
};

const KEY = 'sk_test_notes1234';
const OTHER = 'sk_test_other5678';

function setup(
  options: { persistence?: ReturnType<typeof memoryPersistence>; now?: () => Date; rateLimit?: number } = {},
) {
  let counter = 0;
  const { rateLimit, ...rest } = options;
  const spec = rateLimit
    ? { ...notesSpec, 'x-sandbox': { rateLimit: { limit: rateLimit, windowSeconds: 10 } } }
    : notesSpec;
  const sandbox = createSandbox({
    specs: { notes: spec },
    apis: { notes: notes as ApiDefinition<unknown> },
    mount: '/sandbox/',
    randomId: (prefix) => `${prefix}${++counter}`,
    ...rest,
  });
  const call = async (
    method: string,
    path: string,
    init: { body?: unknown; key?: string | null; headers?: Record<string, string>; raw?: BodyInit } = {},
  ) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.key !== null) headers.authorization = `Bearer ${init.key ?? KEY}`;
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = (await sandbox.handle(
      new Request(`http://site.test/sandbox/notes/v1${path}`, {
        method,
        headers,
        body: init.raw ?? (init.body === undefined ? null : JSON.stringify(init.body)),
      }),
    ))!;
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return { sandbox, call };
}

describe('routing', () => {
  test('a literal path wins over a templated one', async () => {
    const { call } = setup();
    expect((await call('GET', '/notes/latest')).body.id).toBe('note_seed');
    expect((await call('GET', '/notes/note_seed')).status).toBe(200);
  });

  test.each([
    ['an unknown path', 'GET', '/nothing-here', 404],
    ['a method the path does not have', 'DELETE', '/notes', 405],
  ])('%s gets %s as problem+json', async (_case, method, path, status) => {
    const { call } = setup();
    const response = await call(method, path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    if (status === 405) expect(response.headers.get('allow')).toBe('GET, POST');
  });

  test('URLs outside the mount are not the sandbox’s business', async () => {
    const { sandbox } = setup();
    expect(await sandbox.handle(new Request('http://site.test/guides/'))).toBeUndefined();
  });
});

describe('authentication', () => {
  test.each([
    // RFC 6750 §3.1: no credential at all gets no error code.
    ['no key', null, 'Bearer realm="sandbox"'],
    ['a key of the wrong form', 'sk_live_12345678', 'Bearer realm="sandbox", error="invalid_token"'],
    ['a key that is too short', 'sk_test_1234', 'Bearer realm="sandbox", error="invalid_token"'],
  ])('%s gets 401 with WWW-Authenticate', async (_case, key, header) => {
    const { call } = setup();
    const response = await call('GET', '/notes', { key });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(header);
    expect(response.body.detail).toMatch(/sk_test_/);
  });

  test('an operation with `security: []` needs no key', async () => {
    const { call } = setup();
    const response = await call('GET', '/public/ping', { key: null });
    expect(response).toMatchObject({ status: 200, body: { pong: true } });
  });

  test('each key has its own state', async () => {
    const { call } = setup();
    await call('POST', '/notes', { body: { text: 'mine' } });
    expect((await call('GET', '/notes')).body.data).toHaveLength(2);
    expect((await call('GET', '/notes', { key: OTHER })).body.data).toHaveLength(1);
  });
});

describe('validation', () => {
  test.each([
    ['a missing required field', { pinned: true }, [{ pointer: '/body/text', detail: 'is required' }]],
    [
      'a value of the wrong type',
      { text: 'x', pinned: 'yes' },
      [{ pointer: '/body/pinned', detail: 'must be true or false' }],
    ],
    [
      'a string that is too long',
      { text: 'x'.repeat(21) },
      [{ pointer: '/body/text', detail: 'must be at most 20 characters long' }],
    ],
    ['an unknown field', { text: 'x', colour: 'red' }, [{ pointer: '/body/colour', detail: 'is not a known field' }]],
    [
      'a value outside an enum',
      { text: 'x', color: 'green' },
      [{ pointer: '/body/color', detail: 'must be one of: "red", "blue"' }],
    ],
    [
      'an error deep in a recursive schema',
      { text: 'x', parent: { text: 'y', parent: { text: '' } } },
      [{ pointer: '/body/parent/parent/text', detail: 'must be at least 1 characters long' }],
    ],
    [
      'several fields at once',
      { pinned: 1, extra: true },
      [
        { pointer: '/body/text', detail: 'is required' },
        { pointer: '/body/pinned', detail: 'must be true or false' },
        { pointer: '/body/extra', detail: 'is not a known field' },
      ],
    ],
  ])('%s is a 422 naming each field', async (_case, body, errors) => {
    const { call } = setup();
    const response = await call('POST', '/notes', { body });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(expect.arrayContaining(errors));
    expect(response.body.errors).toHaveLength(errors.length);
  });

  test.each([
    ['a query value of the wrong type', 'GET', '/notes?limit=lots', '/query/limit', 'must be an integer'],
    ['a query value out of range', 'GET', '/notes?limit=1000', '/query/limit', 'must be at most 100'],
    [
      'a path value that breaks its pattern',
      'GET',
      '/notes/nope!',
      '/path/id',
      'must match the pattern ^note_[A-Za-z0-9]+$',
    ],
  ])('%s is a 400 naming the parameter', async (_case, method, path, pointer, detail) => {
    const { call } = setup();
    const response = await call(method, path);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ pointer, detail }]);
  });

  test('query values are coerced to their schema types, including deepObject filters', async () => {
    const { call } = setup();
    await call('POST', '/notes', { body: { text: 'loose' } });
    const pinned = await call('GET', '/notes?where[pinned]=true&limit=5');
    expect(pinned.body.data.map((n: Note) => n.id)).toEqual(['note_seed']);
  });

  test.each([
    ['JSON that does not parse', { raw: '{"text": ', headers: { 'content-type': 'application/json' } }, 400],
    ['a body without Content-Type', { raw: '{"text":"x"}', headers: { 'content-type': 'text/plain' } }, 415],
    ['a body over the size limit', { body: { text: 'x'.repeat(3000) } }, 413],
    ['no body where one is required', {}, 400],
  ])('%s is refused with %s', async (_case, init, status) => {
    const { call } = setup();
    expect((await call('POST', '/notes', init)).status).toBe(status);
  });

  test.each([
    [
      'a dog with a wrong field',
      { kind: 'dog', barks: 'loudly' },
      [{ pointer: '/body/barks', detail: 'must be true or false' }],
    ],
    [
      'a cat with too many lives',
      { kind: 'cat', lives: 12 },
      [{ pointer: '/body/lives', detail: 'must be at most 9' }],
    ],
    ['an unknown kind', { kind: 'fish' }, [{ pointer: '/body/kind', detail: 'must be one of: "cat", "dog"' }]],
  ])('with a discriminator, %s is reported by field, not as "no shape matches"', async (_case, body, errors) => {
    const { call } = setup();
    const response = await call('POST', '/pets', { body });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(errors);
  });

  test('form-encoded bodies are parsed and checked against their schema', async () => {
    const { call } = setup();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await call('POST', '/forms', { raw: 'count=2&tags=a&tags=b', headers: form })).status).toBe(204);
    const refused = await call('POST', '/forms', { raw: 'count=9', headers: form });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ pointer: '/body/count', detail: 'must be at most 3' }]);
  });
});

describe('state', () => {
  test('a rejected request changes nothing, even when the handler had changed its draft', async () => {
    const { call, sandbox } = setup();
    const before = JSON.stringify(sandbox.state(KEY, 'notes'));
    expect((await call('POST', '/notes', { body: { text: 'explode' } })).status).toBe(409);
    expect((await call('POST', '/notes', { body: { text: 42 } })).status).toBe(422);
    expect(JSON.stringify(sandbox.state(KEY, 'notes'))).toBe(before);
  });

  test('a rejected request leaves no trace in the answers that follow it', async () => {
    const { call } = setup();
    const texts = async () => (await call('GET', '/notes')).body.data.map((n: Note) => n.text);
    expect(await texts()).toEqual(['seeded']);
    expect((await call('POST', '/notes', { body: { text: 'explode' } })).status).toBe(409);
    expect(await texts()).toEqual(['seeded']);
  });

  test('parallel writes are all kept', async () => {
    const { call } = setup({ rateLimit: 1000 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => call('POST', '/notes', { body: { text: `n${i}` } })));
    const list = await call('GET', '/notes?limit=100');
    expect(list.body.data).toHaveLength(21);
  });

  test('state survives a new sandbox on the same storage (a page reload), and reset clears it', async () => {
    const persistence = memoryPersistence();
    await setup({ persistence }).call('POST', '/notes', { body: { text: 'kept' } });
    const reloaded = setup({ persistence });
    expect((await reloaded.call('GET', '/notes')).body.data.map((n: Note) => n.text)).toEqual(['seeded', 'kept']);
    reloaded.sandbox.reset(KEY);
    expect((await reloaded.call('GET', '/notes')).body.data.map((n: Note) => n.text)).toEqual(['seeded']);
  });
});

describe('idempotency', () => {
  test('the same key and body replay the first response without a second write', async () => {
    const { call } = setup();
    const headers = { 'idempotency-key': 'retry-1' };
    const first = await call('POST', '/notes', { body: { text: 'once' }, headers });
    const second = await call('POST', '/notes', { body: { text: 'once' }, headers });
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await call('GET', '/notes')).body.data).toHaveLength(2);
  });

  test('the same key with a different body is a 409', async () => {
    const { call } = setup();
    const headers = { 'idempotency-key': 'retry-2' };
    await call('POST', '/notes', { body: { text: 'one' }, headers });
    const conflict = await call('POST', '/notes', { body: { text: 'two' }, headers });
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors[0].pointer).toBe('/header/Idempotency-Key');
  });
});

describe('rate limits', () => {
  test('every answer carries RateLimit headers, and the request over the limit gets 429 with Retry-After', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const { call } = setup({ now: () => now });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await call('GET', '/notes'));
    expect(answers.slice(0, 5).map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0']);
    expect(answers[5]!.status).toBe(429);
    expect(answers[5]!.headers.get('retry-after')).toBe('10');
    expect((await call('GET', '/notes', { key: OTHER })).status).toBe(200);
    now = new Date('2026-01-01T00:00:11Z');
    expect((await call('GET', '/notes')).status).toBe(200);
  });
});

describe('events and webhooks', () => {
  test('a change emits an event whose webhook signature verifies with the key’s secret, and fails when tampered', async () => {
    const { call, sandbox } = setup();
    const delivered: string[] = [];
    sandbox.onDelivery((delivery) => delivered.push(delivery.type));
    await call('POST', '/notes', { body: { text: 'signed' } });
    const state = sandbox.state(KEY, 'notes');
    const [delivery] = state.deliveries;
    expect(state.events[0]).toMatchObject({ type: 'note.created', data: { object: { text: 'signed' } } });
    expect(
      await verifyWebhook(state.webhookSecret, delivery!.headers, delivery!.body, new Date(delivery!.created_at)),
    ).toEqual({ valid: true });
    const tampered = await verifyWebhook(
      state.webhookSecret,
      delivery!.headers,
      delivery!.body.replace('signed', 'forged'),
      new Date(delivery!.created_at),
    );
    expect(tampered.valid).toBe(false);
    await Promise.resolve();
    expect(delivered).toEqual(['note.created']);
  });
});
