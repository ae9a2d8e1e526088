/** List filters on the fixture: equality, any of several values, array fields, paging over what matches, x-sandbox. */
import { describe, expect, test } from 'vitest';
import { memoryPersistence } from '../core/persistence.ts';
import { call, document, documented, sandboxWith } from './stateful-generic-fixture.ts';

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
