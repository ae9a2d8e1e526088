/**
 * A Stripe-style collection on the fixture: creates, reads, updates and deletes, cursor paging, idempotency and
 * persistence, and which operations the mocks treat as resources at all.
 */
import { describe, expect, test } from 'vitest';
import { exampleRequest } from '../core/example-request.ts';
import { listOperations } from '../core/openapi.ts';
import { memoryPersistence } from '../core/persistence.ts';
import { base, call, document, documented, KEY, NOW, sandboxWith } from './stateful-generic-fixture.ts';

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
