/**
 * The stateful generic mocks on a fixture written for this project (tests/fixtures/specs/sandbox-resources.yaml), so
 * that a fresh clone proves them: Stripe-style form creates with nested keys, cursor and offset paging, merge and
 * replace, nested collections, a vendor error shape, an x-sandbox correction, idempotency, persistence and events.
 */
import { describe, expect, test } from 'vitest';
import { checkResponse } from '../core/contract-check.ts';
import { exampleRequest } from '../core/example-request.ts';
import { listOperations } from '../core/openapi.ts';
import { memoryPersistence } from '../core/persistence.ts';
import { createSandbox } from '../core/sandbox.ts';
import { loadSpec } from '../load-spec.ts';

const KEY = 'sk_test_statefulgeneric';
const document = loadSpec('tests/fixtures/specs/sandbox-resources.yaml');
const base = 'http://site.test/sandbox/shop/v1';
const NOW = new Date('2026-03-01T10:00:00Z');

function sandboxWith(persistence = memoryPersistence()) {
  let counter = 0;
  return createSandbox({
    specs: { shop: document },
    mount: '/sandbox/',
    persistence,
    now: () => NOW,
    randomId: (prefix) => `${prefix}${String(++counter).padStart(6, '0')}`,
  });
}

async function call(
  sandbox: ReturnType<typeof sandboxWith>,
  method: string,
  path: string,
  body?: { form?: string; json?: unknown },
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${KEY}`, ...headers } };
  if (body?.form !== undefined) {
    init.body = body.form;
    (init.headers as Record<string, string>)['content-type'] = 'application/x-www-form-urlencoded';
  } else if (body?.json !== undefined) {
    init.body = JSON.stringify(body.json);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = (await sandbox.handle(new Request(`${base}${path}`, init)))!;
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    body: JSON.parse(text || 'null'),
  };
}

/** The answer must match what the operation documents, errors included. */
function documented(
  sandbox: ReturnType<typeof sandboxWith>,
  operationId: string,
  answer: Awaited<ReturnType<typeof call>>,
) {
  const operation = listOperations(document).find((candidate) => candidate.id === operationId)!;
  return checkResponse(sandbox.engine('shop'), operation, {
    status: answer.status,
    contentType: answer.contentType,
    body: answer.text,
  });
}

describe('a Stripe-style collection (form-encoded creates, cursor paging, POST to an item updates)', () => {
  test('a create keeps the nested form fields it was sent, with a fresh prefixed id and unix-seconds created', async () => {
    const sandbox = sandboxWith();
    const form =
      'email=a%40b.co&name=Ada&balance=250&metadata[order]=12&metadata[source]=web&items[0][price]=p_1&items[0][quantity]=2&tags=vip&tags=beta&expand[]=customer';
    const created = await call(sandbox, 'POST', '/customers', { form });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({
      object: 'customer',
      email: 'a@b.co',
      name: 'Ada',
      balance: 250,
      metadata: { order: '12', source: 'web' },
      tags: ['vip', 'beta'],
      created: Math.floor(NOW.getTime() / 1000),
    });
    expect(created.body.id).toMatch(/^cus_[A-Za-z0-9]+$/);
    expect(documented(sandbox, 'createCustomer', created)).toEqual([]);
    const second = await call(sandbox, 'POST', '/customers', { form: 'email=b%40b.co' });
    expect(second.body.id).not.toBe(created.body.id);

    const read = await call(sandbox, 'GET', `/customers/${created.body.id}`);
    expect(read.body).toEqual(created.body);
    expect(documented(sandbox, 'retrieveCustomer', read)).toEqual([]);
  });

  test('lists page with limit and starting_after, newest first, and has_more says when to stop', async () => {
    const sandbox = sandboxWith();
    const ids: string[] = [];
    for (const email of ['1@x.co', '2@x.co', '3@x.co'])
      ids.push((await call(sandbox, 'POST', '/customers', { form: `email=${encodeURIComponent(email)}` })).body.id);
    // The spec's example id (cus_ada) is there from the start, so that the documented requests work.
    const first = await call(sandbox, 'GET', '/customers?limit=2');
    expect(first.body.data.map((customer: { id: string }) => customer.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.has_more).toBe(true);
    expect(documented(sandbox, 'listCustomers', first)).toEqual([]);
    const next = await call(sandbox, 'GET', `/customers?limit=2&starting_after=${ids[1]}`);
    expect(next.body.data.map((customer: { id: string }) => customer.id)).toEqual([ids[0], 'cus_ada']);
    expect(next.body.has_more).toBe(false);
    const searched = await call(sandbox, 'GET', '/customers/search?query=x');
    expect(searched.body.data).toHaveLength(4);
  });

  test('a cursor that names nothing is a 400 in the vendor error shape, pointing at the parameter', async () => {
    const sandbox = sandboxWith();
    const answer = await call(sandbox, 'GET', '/customers?starting_after=cus_nope');
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe('application/json');
    expect(answer.body.error.message).toMatch(/starting_after/);
    expect(answer.body.error.param).toBe('/query/starting_after');
    expect(documented(sandbox, 'listCustomers', answer)).toEqual([]);
  });

  test('POST to an item merges (metadata keys add up); delete answers deleted: true, then the id is a 404', async () => {
    const sandbox = sandboxWith();
    const { body: customer } = await call(sandbox, 'POST', '/customers', { form: 'email=a%40b.co&metadata[a]=1' });
    const updated = await call(sandbox, 'POST', `/customers/${customer.id}`, { form: 'name=Grace&metadata[b]=2' });
    expect(updated.body).toMatchObject({ email: 'a@b.co', name: 'Grace', metadata: { a: '1', b: '2' } });
    const deleted = await call(sandbox, 'DELETE', `/customers/${customer.id}`);
    expect(deleted.body).toEqual({ id: customer.id, object: 'customer', deleted: true });
    const gone = await call(sandbox, 'GET', `/customers/${customer.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toContain(customer.id);
    expect(documented(sandbox, 'retrieveCustomer', gone)).toEqual([]);
    expect((await call(sandbox, 'POST', `/customers/${customer.id}`, { form: 'name=X' })).status).toBe(404);
  });

  test('an Idempotency-Key replays the create; a refused create and a reset leave nothing behind', async () => {
    const sandbox = sandboxWith();
    const once = await call(sandbox, 'POST', '/customers', { form: 'email=a%40b.co' }, { 'idempotency-key': 'k1' });
    const twice = await call(sandbox, 'POST', '/customers', { form: 'email=a%40b.co' }, { 'idempotency-key': 'k1' });
    expect(twice.body.id).toBe(once.body.id);
    const refused = await call(sandbox, 'POST', '/customers', { form: 'email=a%40b.co&unknown=1' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBeDefined();
    const listed = await call(sandbox, 'GET', '/customers?limit=100');
    expect(listed.body.data.map((customer: { id: string }) => customer.id)).toEqual([once.body.id, 'cus_ada']);
    sandbox.reset(KEY);
    expect((await call(sandbox, 'GET', '/customers?limit=100')).body.data).toHaveLength(1);
  });

  test('state survives a new sandbox on the same storage (a reload), per key, and creates emit events', async () => {
    const persistence = memoryPersistence();
    const first = sandboxWith(persistence);
    const { body: customer } = await call(first, 'POST', '/customers', { form: 'email=a%40b.co' });
    expect(first.state(KEY, 'shop').deliveries.map((delivery) => delivery.type)).toContain('customer.created');
    const reloaded = sandboxWith(persistence);
    expect((await call(reloaded, 'GET', `/customers/${customer.id}`)).status).toBe(200);
    const other = await reloaded.handle(
      new Request(`${base}/customers/${customer.id}`, { headers: { authorization: 'Bearer sk_test_someoneelse' } }),
    );
    expect(other!.status).toBe(404);
  });
});

describe('a nested collection (notes of a customer, JSON, integer ids, offset paging, an envelope)', () => {
  test('notes are kept per customer; PATCH merges, PUT replaces and keeps created_at', async () => {
    const sandbox = sandboxWith();
    const created = await call(sandbox, 'POST', '/customers/cus_1/notes', { json: { text: 'Called', pinned: false } });
    expect(created.status).toBe(201);
    expect(created.body.note).toMatchObject({ text: 'Called', pinned: false, created_at: '2026-03-01T10:00:00Z' });
    expect(Number.isInteger(created.body.note.id)).toBe(true);
    const id = created.body.note.id;
    const elsewhere = await call(sandbox, 'GET', `/customers/cus_2/notes/${id}`);
    expect(elsewhere.status).toBe(404);
    const patched = await call(sandbox, 'PATCH', `/customers/cus_1/notes/${id}`, { json: { pinned: true } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.note).toMatchObject({ id, text: 'Called', pinned: true });
    const replaced = await call(sandbox, 'PUT', `/customers/cus_1/notes/${id}`, { json: { text: 'Emailed' } });
    expect(replaced.body.note).toMatchObject({ id, text: 'Emailed', created_at: '2026-03-01T10:00:00Z' });
    expect(documented(sandbox, 'replaceNote', replaced)).toEqual([]);
  });

  test('offset paging with the per_page default and a total', async () => {
    const sandbox = sandboxWith();
    for (const text of ['a', 'b', 'c']) await call(sandbox, 'POST', '/customers/cus_9/notes', { json: { text } });
    const first = await call(sandbox, 'GET', '/customers/cus_9/notes');
    expect(first.body.notes.map((note: { text: string }) => note.text)).toEqual(['c', 'b']);
    expect(first.body.total).toBe(3);
    const rest = await call(sandbox, 'GET', '/customers/cus_9/notes?offset=2');
    expect(rest.body.notes.map((note: { text: string }) => note.text)).toEqual(['a']);
    expect(documented(sandbox, 'listNotes', rest)).toEqual([]);
  });
});

test('a lone action on a method-style path (/chat.postMessage) stays stateless', () => {
  const sandbox = sandboxWith();
  expect(sandbox.engine('shop').resources.has('postMessage')).toBe(false);
  expect(sandbox.engine('shop').resources.get('searchCustomers')?.action).toBe('list');
});

test('example requests (Try it, the playground, code samples) fill only required fields when the spec has no example', () => {
  const operations = listOperations(document);
  const note = exampleRequest(
    document,
    operations.find((operation) => operation.id === 'createNote')!,
    KEY,
  );
  expect(Object.keys(JSON.parse(note.body as string))).toEqual(['text']);
  const customer = exampleRequest(
    document,
    operations.find((operation) => operation.id === 'createCustomer')!,
    KEY,
  );
  expect(customer.body).toBe('email=ada%40example.com&name=Ada+Lovelace');
});
