/** Storage's document store: If-Match and stale ETags, JSON merge patch, filtered and sorted listing, size limits. */
import { describe, expect, test } from 'vitest';
import { client, KEY, objectUrl, PNG_LIKE } from './storage-client.ts';

describe('storage: documents', () => {
  test('create, read, replace with If-Match; a stale ETag is a 412 that changes nothing', async () => {
    const { call, events, tick } = client();
    const created = await call('POST', '/collections/profiles/documents', { name: 'Ada', langs: ['en'] });
    expect(created).toMatchObject({
      status: 201,
      body: { object: 'document', id: 'doc_t1', collection: 'profiles', data: { name: 'Ada' }, version: 1 },
    });
    expect(created.headers.get('etag')).toBe('"1"');
    const path = `/collections/profiles/documents/${created.body.id}`;

    tick(60);
    const replaced = await call('PUT', path, { name: 'Ada Lovelace' }, { 'if-match': '"1"' });
    expect(replaced.body).toMatchObject({ version: 2, data: { name: 'Ada Lovelace' } });
    expect(replaced.body.data).not.toHaveProperty('langs');
    expect(replaced.body.updated_at).not.toBe(replaced.body.created_at);
    expect(replaced.headers.get('etag')).toBe('"2"');

    const eventsBefore = await events();
    const lost = await call('PUT', path, { name: 'Someone else' }, { 'if-match': '"1"' });
    expect(lost).toMatchObject({
      status: 412,
      body: {
        title: 'Precondition failed',
        detail:
          'If-Match was "1", but the document is now at version 2 (ETag "2"). Read it again, reapply your change and retry.',
      },
    });
    const stalePatch = await call(
      'PATCH',
      path,
      { name: null },
      {
        'content-type': 'application/merge-patch+json',
        'if-match': '"1"',
      },
    );
    expect(stalePatch.status).toBe(412);
    expect((await call('DELETE', path, undefined, { 'if-match': '"1"' })).status).toBe(412);
    const after = await call('GET', path);
    expect(after.body).toEqual(replaced.body);
    expect(after.headers.get('etag')).toBe('"2"');
    expect(await events()).toEqual(eventsBefore);

    // Without If-Match, the last write wins.
    expect((await call('PUT', path, { name: 'Lady Lovelace' })).body.version).toBe(3);
    expect((await call('DELETE', path, undefined, { 'if-match': '"3"' })).status).toBe(204);
    expect((await call('GET', path)).status).toBe(404);
    expect((await events()).map((e: { type: string }) => e.type).slice(0, 4)).toEqual([
      'document.deleted',
      'document.updated',
      'document.updated',
      'document.created',
    ]);
  });

  test('PATCH is a JSON merge patch: null removes, objects merge, arrays are replaced', async () => {
    const { call, events } = client();
    const path = '/collections/orders/documents/doc_7Qm3Xc9Tz2Lk';
    const patched = await call(
      'PATCH',
      path,
      { status: 'shipped', total: null, shipping: { carrier: 'UPS', eta: null }, items: [] },
      { 'content-type': 'application/merge-patch+json', 'if-match': '"1"' },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      version: 2,
      data: { customer: 'Ada Lovelace', status: 'shipped', shipping: { carrier: 'UPS' }, items: [] },
    });
    expect(patched.body.data).not.toHaveProperty('total');
    expect(patched.headers.get('etag')).toBe('"2"');

    const again = await call(
      'PATCH',
      path,
      { shipping: { tracking: '1Z999' } },
      {
        'content-type': 'application/merge-patch+json',
      },
    );
    expect(again.body.data.shipping).toEqual({ carrier: 'UPS', tracking: '1Z999' });
    const [updated] = await events();
    expect(updated).toMatchObject({ type: 'document.updated', data: { object: { version: 3 } } });

    const plainJson = await call('PATCH', path, { status: 'lost' });
    expect(plainJson.status).toBe(415);
    expect((await call('GET', path)).body.data.status).toBe('shipped');
  });

  test('listing filters with where[field] and sorts with order_by; unknown collections are empty', async () => {
    const { call, tick } = client();
    const orders = [
      { customer: 'Lin', status: 'shipped', total: 800, paid: true },
      { customer: 'Sam', status: 'pending', total: 99000, paid: false },
      { customer: 'Kim', status: 'shipped', total: 'unknown' },
      { customer: 'Ola', status: 'shipped' },
    ];
    for (const order of orders) {
      tick(1);
      await call('POST', '/collections/orders/documents', order);
    }
    const customers = (page: { body: { data: { data: { customer: string } }[] } }) =>
      page.body.data.map((d) => d.data.customer);

    const shipped = await call('GET', '/collections/orders/documents?where[status]=shipped&order_by=-data.total');
    expect(customers(shipped)).toEqual(['Grace Hopper', 'Lin', 'Kim', 'Ola']);

    const byTotal = await call('GET', '/collections/orders/documents?order_by=data.total');
    expect(customers(byTotal)).toEqual(['Lin', 'Ada Lovelace', 'Grace Hopper', 'Sam', 'Kim', 'Ola']);
    const oldestFirst = await call('GET', '/collections/orders/documents');
    expect(customers(oldestFirst)).toEqual(['Grace Hopper', 'Ada Lovelace', 'Lin', 'Sam', 'Kim', 'Ola']);

    expect(customers(await call('GET', '/collections/orders/documents?where[total]=4599'))).toEqual(['Ada Lovelace']);
    expect(customers(await call('GET', '/collections/orders/documents?where[paid]=true'))).toEqual(['Lin']);
    expect(customers(await call('GET', '/collections/orders/documents?where[items]=%5B%5D'))).toEqual([]);
    const both = await call(
      'GET',
      `/collections/orders/documents?where[status]=shipped&where[customer]=${encodeURIComponent('Grace Hopper')}`,
    );
    expect(customers(both)).toEqual(['Grace Hopper']);

    const page1 = await call('GET', '/collections/orders/documents?where[status]=shipped&order_by=-data.total&limit=2');
    expect(page1.body.has_more).toBe(true);
    const page2 = await call(
      'GET',
      `/collections/orders/documents?where[status]=shipped&order_by=-data.total&limit=2&starting_after=${page1.body.data[1].id}`,
    );
    expect(customers(page2)).toEqual(['Kim', 'Ola']);
    expect(page2.body.has_more).toBe(false);

    expect((await call('GET', '/collections/invoices/documents')).body).toEqual({
      object: 'list',
      data: [],
      has_more: false,
    });
    const badOrder = await call('GET', '/collections/orders/documents?order_by=total');
    expect(badOrder.status).toBe(400);
    expect(badOrder.body.errors[0].pointer).toBe('/query/order_by');
  });

  test('refused writes leave no document behind: too large, not an object, unknown id', async () => {
    const { call, events } = client();
    const before = await events();
    const big = await call('POST', '/collections/notes/documents', { text: 'x'.repeat(70_000) });
    expect(big.status).toBe(413);
    expect(big.body.detail).toMatch(/^The document is 70,011 bytes as JSON; documents may be at most 65,536 bytes/);
    expect((await call('POST', '/collections/notes/documents', ['not', 'an', 'object'])).status).toBe(422);
    const grow = await call(
      'PATCH',
      '/collections/orders/documents/doc_7Qm3Xc9Tz2Lk',
      { notes: 'x'.repeat(65_500) },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(grow.status).toBe(413);
    const missing = await call('GET', '/collections/orders/documents/doc_7Qm3Xc9Tz2Lx');
    expect(missing).toMatchObject({
      status: 404,
      body: { detail: "Collection 'orders' has no document with id 'doc_7Qm3Xc9Tz2Lx'." },
    });
    expect((await call('GET', '/collections/notes/documents')).body.data).toEqual([]);
    expect((await call('GET', '/collections/orders/documents/doc_7Qm3Xc9Tz2Lk')).body.version).toBe(1);
    expect(await events()).toEqual(before);
  });

  test('state survives serialisation: objects are kept as base64 text', async () => {
    const { sandbox, send } = client();
    await send('PUT', objectUrl('user-uploads', 'raw.bin'), PNG_LIKE, { 'content-type': 'application/octet-stream' });
    const state = sandbox.state(KEY, 'storage');
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    const raw = (state.data as { objects: { key: string; data: unknown }[] }).objects.find((o) => o.key === 'raw.bin');
    expect(typeof raw?.data).toBe('string');
  });
});
