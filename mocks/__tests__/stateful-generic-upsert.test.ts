/** A PUT to an id that is not there: when it creates, when it stays a 404, and the x-sandbox upsert override. */
import { describe, expect, test } from 'vitest';
import { memoryPersistence } from '../core/persistence.ts';
import { call, document, documented, KEY, sandboxWith } from './stateful-generic-fixture.ts';

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

  test('an item whose schema lists no id field (Discord members are `user.id`) is found again under the path id', async () => {
    const spec = structuredClone(document);
    const taxRate = spec.components!.schemas!.TaxRate as { properties: Record<string, unknown>; required: string[] };
    delete taxRate.properties.country;
    taxRate.required = taxRate.required.filter((name) => name !== 'country');
    const sandbox = sandboxWith(memoryPersistence(), spec);
    expect((await call(sandbox, 'PUT', '/tax-rates/DE', { json: { percentage: 19 } })).status).toBe(201);
    const read = await call(sandbox, 'GET', '/tax-rates/DE');
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ percentage: 19 });
    // The id the sandbox keeps the item under is not a field the document says the API returns.
    expect(Object.keys(read.body).sort()).toEqual(['inclusive', 'percentage']);
    expect((await call(sandbox, 'PUT', '/tax-rates/DE', { json: { percentage: 7 } })).status).toBe(200);
    expect((await call(sandbox, 'GET', '/tax-rates/DE')).body.percentage).toBe(7);
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
