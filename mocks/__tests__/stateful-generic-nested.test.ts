/** A nested collection on the fixture (notes of a customer), and the 404 when its parent is not there. */
import { describe, expect, test } from 'vitest';
import { call, documented, KEY, sandboxWith } from './stateful-generic-fixture.ts';

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
