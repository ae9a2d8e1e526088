/**
 * The stateful generic mocks on a fixture written for this project (tests/fixtures/specs/sandbox-resources.yaml), so
 * that a fresh clone proves them: Stripe-style form creates with nested keys, cursor and offset paging, list filters,
 * merge and replace, nested collections and the 404 for a parent that is not there, a PUT that creates, a vendor
 * error shape, x-sandbox corrections, idempotency, persistence and events.
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

function sandboxWith(persistence = memoryPersistence(), spec = document) {
  let counter = 0;
  return createSandbox({
    specs: { shop: spec },
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

describe('list filters (query parameters the list declares, named like a field of the customer)', () => {
  async function threeCustomers() {
    const sandbox = sandboxWith();
    const ids: string[] = [];
    for (const form of ['email=a%40b.co&name=Ada&tags=vip', 'email=g%40b.co&name=Grace&tags=beta', 'name=Linus'])
      ids.push((await call(sandbox, 'POST', '/customers', { form })).body.id);
    const listed = async (query: string) => {
      const answer = await call(sandbox, 'GET', `/customers?limit=100&${query}`);
      expect(answer.status, answer.text).toBe(200);
      expect(documented(sandbox, 'listCustomers', answer)).toEqual([]);
      return answer.body.data.map((customer: { id: string }) => customer.id);
    };
    return { sandbox, ids, listed };
  }

  test('equality on a field, any of the values of an array parameter, and all filters at once', async () => {
    const { ids, listed } = await threeCustomers();
    const [ada, grace, linus] = ids;
    expect(await listed('email=a%40b.co')).toEqual([ada]);
    expect(await listed('name=Ada,Linus')).toEqual([linus, ada]);
    expect(await listed('name=Ada,Grace&email=g%40b.co')).toEqual([grace]);
    expect(await listed('email=nobody%40b.co')).toEqual([]);
  });

  test('a field that holds an array (tags) matches when it holds one of the values', async () => {
    const { ids, listed } = await threeCustomers();
    expect(await listed('tags=beta&tags=vip')).toEqual([ids[1], ids[0]]);
  });

  test('a parameter the list does not declare filters nothing, although the customer has that field', async () => {
    const { listed } = await threeCustomers();
    expect(await listed('balance=250')).toHaveLength(4); // the three, and the documented example's cus_ada
  });

  test('paging runs over the filtered list: has_more counts only what matches', async () => {
    const { sandbox, ids } = await threeCustomers();
    const page = await call(sandbox, 'GET', '/customers?limit=1&name=Ada,Grace');
    expect(page.body.data.map((customer: { id: string }) => customer.id)).toEqual([ids[1]]);
    expect(page.body.has_more).toBe(true);
    const next = await call(sandbox, 'GET', `/customers?limit=1&name=Ada,Grace&starting_after=${ids[1]}`);
    expect(next.body.data.map((customer: { id: string }) => customer.id)).toEqual([ids[0]]);
    expect(next.body.has_more).toBe(false);
  });

  test('a boolean filter on a nested list (pinned notes)', async () => {
    const sandbox = sandboxWith();
    const { body: customer } = await call(sandbox, 'POST', '/customers', { form: 'email=a%40b.co' });
    for (const [text, pinned] of [
      ['a', true],
      ['b', false],
      ['c', true],
    ] as const)
      await call(sandbox, 'POST', `/customers/${customer.id}/notes`, { json: { text, pinned } });
    const pinned = await call(sandbox, 'GET', `/customers/${customer.id}/notes?pinned=true&per_page=10`);
    expect(pinned.body.notes.map((note: { text: string }) => note.text)).toEqual(['c', 'a']);
    expect(pinned.body.total).toBe(2);
    const others = await call(sandbox, 'GET', `/customers/${customer.id}/notes?pinned=false&per_page=10`);
    expect(others.body.notes.map((note: { text: string }) => note.text)).toEqual(['b']);
  });

  test('x-sandbox: { filters: none } on the list turns them off', async () => {
    const spec = structuredClone(document);
    (spec.paths!['/customers']!.get as Record<string, unknown>)['x-sandbox'] = { filters: 'none' };
    const sandbox = sandboxWith(memoryPersistence(), spec);
    await call(sandbox, 'POST', '/customers', { form: 'email=a%40b.co' });
    const all = await call(sandbox, 'GET', '/customers?email=nobody%40b.co');
    expect(all.body.data).toHaveLength(2);
  });
});

describe('a nested collection (notes of a customer, JSON, integer ids, offset paging, an envelope)', () => {
  test('notes are kept per customer; PATCH merges, PUT replaces and keeps created_at', async () => {
    const sandbox = sandboxWith();
    const { body: first } = await call(sandbox, 'POST', '/customers', { form: 'email=a%40b.co' });
    const { body: second } = await call(sandbox, 'POST', '/customers', { form: 'email=b%40b.co' });
    const created = await call(sandbox, 'POST', `/customers/${first.id}/notes`, {
      json: { text: 'Called', pinned: false },
    });
    expect(created.status).toBe(201);
    expect(created.body.note).toMatchObject({ text: 'Called', pinned: false, created_at: '2026-03-01T10:00:00Z' });
    expect(Number.isInteger(created.body.note.id)).toBe(true);
    const id = created.body.note.id;
    const elsewhere = await call(sandbox, 'GET', `/customers/${second.id}/notes/${id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.param).toBe('/path/note_id');
    const patched = await call(sandbox, 'PATCH', `/customers/${first.id}/notes/${id}`, { json: { pinned: true } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.note).toMatchObject({ id, text: 'Called', pinned: true });
    const replaced = await call(sandbox, 'PUT', `/customers/${first.id}/notes/${id}`, { json: { text: 'Emailed' } });
    expect(replaced.body.note).toMatchObject({ id, text: 'Emailed', created_at: '2026-03-01T10:00:00Z' });
    expect(documented(sandbox, 'replaceNote', replaced)).toEqual([]);
  });

  test('offset paging with the per_page default and a total', async () => {
    const sandbox = sandboxWith();
    const { body: customer } = await call(sandbox, 'POST', '/customers', { form: 'email=a%40b.co' });
    const notes = `/customers/${customer.id}/notes`;
    for (const text of ['a', 'b', 'c']) await call(sandbox, 'POST', notes, { json: { text } });
    const first = await call(sandbox, 'GET', notes);
    expect(first.body.notes.map((note: { text: string }) => note.text)).toEqual(['c', 'b']);
    expect(first.body.total).toBe(3);
    const rest = await call(sandbox, 'GET', `${notes}?offset=2`);
    expect(rest.body.notes.map((note: { text: string }) => note.text)).toEqual(['a']);
    expect(documented(sandbox, 'listNotes', rest)).toEqual([]);
  });
});

describe('a nested collection whose parent is not there (no customer cus_nope)', () => {
  test('listing and creating its notes is a 404 problem pointing at /path/customer, and creates nothing', async () => {
    const sandbox = sandboxWith();
    const listed = await call(sandbox, 'GET', '/customers/cus_nope/notes');
    expect(listed.status).toBe(404);
    expect(listed.contentType).toBe('application/problem+json');
    expect(listed.body.detail).toContain('cus_nope');
    expect(listed.body.errors).toEqual([
      { pointer: '/path/customer', detail: 'is not the id of anything in this sandbox' },
    ]);
    const created = await call(sandbox, 'POST', '/customers/cus_nope/notes', { json: { text: 'Lost' } });
    expect(created.status).toBe(404);
    expect(created.body.errors[0].pointer).toBe('/path/customer');
    expect(sandbox.state(KEY, 'shop').deliveries).toEqual([]);
  });

  test("an item under it names the customer, not the note, in the operation's own error shape", async () => {
    const sandbox = sandboxWith();
    const read = await call(sandbox, 'GET', '/customers/cus_nope/notes/1');
    expect(read.status).toBe(404);
    expect(read.body.error).toMatchObject({ type: 'invalid_request_error', param: '/path/customer' });
    expect(documented(sandbox, 'getNote', read)).toEqual([]);
  });

  test('a deleted customer takes its notes with it; the documented customer (cus_ada) is there from the start', async () => {
    const sandbox = sandboxWith();
    const { body: customer } = await call(sandbox, 'POST', '/customers', { form: 'email=a%40b.co' });
    expect((await call(sandbox, 'POST', `/customers/${customer.id}/notes`, { json: { text: 'x' } })).status).toBe(201);
    await call(sandbox, 'DELETE', `/customers/${customer.id}`);
    expect((await call(sandbox, 'GET', `/customers/${customer.id}/notes`)).status).toBe(404);
    expect((await call(sandbox, 'GET', '/customers/cus_ada/notes')).status).toBe(200);
  });
});

describe('PUT to an id that is not there', () => {
  test('creates the tax rate with that id (201), when no POST creates tax rates; a second PUT replaces it (200)', async () => {
    const sandbox = sandboxWith();
    expect((await call(sandbox, 'GET', '/tax-rates/DE')).status).toBe(404);
    const created = await call(sandbox, 'PUT', '/tax-rates/DE', { json: { percentage: 19 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ country: 'DE', percentage: 19 });
    expect(documented(sandbox, 'putTaxRate', created)).toEqual([]);
    expect(sandbox.state(KEY, 'shop').deliveries.map((delivery) => delivery.type)).toEqual(['tax_rate.created']);
    const replaced = await call(sandbox, 'PUT', '/tax-rates/DE', { json: { percentage: 7, inclusive: true } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({ country: 'DE', percentage: 7, inclusive: true });
    expect((await call(sandbox, 'GET', '/tax-rates/DE')).body).toEqual(replaced.body);
    const listed = await call(sandbox, 'GET', '/tax-rates');
    expect(listed.body.map((rate: { country: string }) => rate.country)).toEqual(['DE', 'FR']);
    expect((await call(sandbox, 'DELETE', '/tax-rates/DE')).status).toBe(204);
    expect((await call(sandbox, 'GET', '/tax-rates/DE')).status).toBe(404);
  });

  test('an id the path refuses is a 400, and creates nothing', async () => {
    const sandbox = sandboxWith();
    const refused = await call(sandbox, 'PUT', '/tax-rates/de', { json: { percentage: 19 } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].pointer).toBe('/path/country');
    expect((await call(sandbox, 'GET', '/tax-rates')).body).toHaveLength(1);
  });

  test('is a 404 for a note: notes have a POST create, and their PUT documents no 201', async () => {
    const sandbox = sandboxWith();
    const answer = await call(sandbox, 'PUT', '/customers/cus_ada/notes/999', { json: { text: 'x' } });
    expect(answer.status).toBe(404);
    expect(answer.body.errors[0].pointer).toBe('/path/note_id');
  });

  test('x-sandbox: { upsert: true } on the PUT makes it create a note, with the documented 200', async () => {
    const spec = structuredClone(document);
    (spec.paths!['/customers/{customer}/notes/{note_id}']!.put as Record<string, unknown>)['x-sandbox'] = {
      upsert: true,
    };
    const sandbox = sandboxWith(memoryPersistence(), spec);
    const answer = await call(sandbox, 'PUT', '/customers/cus_ada/notes/999', { json: { text: 'x' } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.note).toMatchObject({ id: 999, text: 'x', created_at: '2026-03-01T10:00:00Z' });
    expect((await call(sandbox, 'GET', '/customers/cus_ada/notes/999')).body.note.id).toBe(999);
  });

  test('x-sandbox: { upsert: false } keeps the 404 where a PUT would create', async () => {
    const spec = structuredClone(document);
    (spec.paths!['/tax-rates/{country}']!.put as Record<string, unknown>)['x-sandbox'] = { upsert: false };
    const sandbox = sandboxWith(memoryPersistence(), spec);
    const answer = await call(sandbox, 'PUT', '/tax-rates/DE', { json: { percentage: 19 } });
    expect(answer.status).toBe(404);
    expect(answer.body.errors[0].pointer).toBe('/path/country');
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
