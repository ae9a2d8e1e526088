/** Schema rows: field paths and depth, types and constraints, and the folding of rows below the shown depth. */
import { describe, expect, test } from 'vitest';
import type { Schema } from '../../../../mocks/core/openapi.ts';
import { SHOWN_DEPTH, type SchemaRow } from '../schema-rows';
import { byPath, expectUniqueAnchors, owner, ref, rowsOf } from './schema-rows-fixtures.ts';

const address: Schema = {
  type: 'object',
  required: ['city'],
  properties: { city: { type: 'string' }, geo: { type: 'object', properties: { lat: { type: 'number' } } } },
};

describe('field paths and depth', () => {
  test.each<[string, Schema, Record<string, Schema>, [path: string, depth: number][]]>([
    [
      'nested objects give dotted paths, one level deeper each',
      { type: 'object', properties: { name: { type: 'string' }, address } },
      {},
      [
        ['name', 0],
        ['address', 0],
        ['address.city', 1],
        ['address.geo', 1],
        ['address.geo.lat', 2],
      ],
    ],
    [
      'arrays of objects give [] paths',
      { type: 'object', properties: { data: { type: 'array', items: address } } },
      {},
      [
        ['data', 0],
        ['data[].city', 1],
        ['data[].geo', 1],
        ['data[].geo.lat', 2],
      ],
    ],
    [
      'a named root (a body that is $ref: Address) lists its own fields',
      ref('Address'),
      { Address: address },
      [
        ['city', 0],
        ['geo', 0],
        ['geo.lat', 1],
      ],
    ],
    [
      'a root array of a named schema lists the item’s fields',
      { type: 'array', items: ref('Address') },
      { Address: address },
      [
        ['[].city', 0],
        ['[].geo', 0],
        ['[].geo.lat', 1],
      ],
    ],
    [
      'a top-level array lists its items’ fields',
      { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
      {},
      [['[].id', 0]],
    ],
    [
      'allOf parts are folded into one set of rows, inherited fields included',
      { allOf: [ref('Base'), { type: 'object', properties: { bark: { type: 'boolean' } } }] },
      { Base: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } },
      [
        ['id', 0],
        ['name', 0],
        ['bark', 0],
      ],
    ],
    [
      'a nullable object (oneOf [X, null]) shows X’s fields, not two variants',
      { type: 'object', properties: { owner: { oneOf: [owner, { type: 'null' }] } } },
      {},
      [
        ['owner', 0],
        ['owner.email', 1],
      ],
    ],
    [
      'an array of nullable objects shows the object’s fields',
      { type: 'object', properties: { list: { type: 'array', items: { anyOf: [{ type: 'null' }, owner] } } } },
      {},
      [
        ['list', 0],
        ['list[].email', 1],
      ],
    ],
    ['a scalar body has no rows', { type: 'string' }, {}, []],
    ['no schema has no rows', {}, {}, []],
  ])('%s', (_case, schema, schemas, expected) => {
    const rows = rowsOf(schema, schemas);
    expect(rows.map((row) => [row.path, row.depth])).toEqual(expected);
    expect(rows.some((row) => row.variant)).toBe(false);
    expectUniqueAnchors(rows);
  });
});

describe('types, required flags and constraints', () => {
  const rows = rowsOf(
    {
      type: 'object',
      required: ['amount', 'currency'],
      properties: {
        amount: { type: 'integer', minimum: 50, maximum: 99_999_999 },
        currency: { type: 'string', enum: ['usd', 'eur'], default: 'usd' },
        email: { type: 'string', format: 'email', maxLength: 254, example: 'ada@example.com' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 },
        code: { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3 },
        kind: { const: 'payment' },
        note: { type: ['string', 'null'] },
        ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        customer: ref('Customer'),
      },
    },
    { Customer: { type: 'object', properties: { id: { type: 'string' } } } },
  );

  test.each<[string, string, boolean, string[]]>([
    ['amount', 'integer', true, ['≥ 50', '≤ 99999999']],
    ['currency', 'string', true, ['one of "usd", "eur"', 'default "usd"']],
    ['email', 'string (email)', false, ['at most 254 characters', 'example "ada@example.com"']],
    ['tags', 'array of string', false, ['at least 1 items', 'at most 5 items']],
    ['code', 'string', false, ['at least 3 characters', 'matches ^[A-Z]{3}$']],
    ['kind', 'string', false, ['always "payment"']],
    ['note', 'string or null', false, []],
    ['ratio', 'number', false, ['> 0', '< 1']],
    ['customer', 'Customer', false, []],
  ])('%s is %s, required %s, with constraints %j', (path, type, required, constraints) => {
    const row = byPath(rows, path);
    expect(row).toMatchObject({ name: path, type, required, constraints });
  });

  test('a field inherited through allOf keeps the required flag its part gave it', () => {
    const inherited = rowsOf(
      { allOf: [ref('Base'), { properties: { extra: { type: 'string' } } }] },
      {
        Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      },
    );
    expect(inherited.map((row) => [row.name, row.required])).toEqual([
      ['id', true],
      ['extra', false],
    ]);
  });
});

describe('inline objects below the shown depth fold under their row', () => {
  const deep = (levels: number): Schema =>
    levels === 0
      ? { type: 'string' }
      : { type: 'object', properties: { [`l${levels}`]: deep(levels - 1), flag: { type: 'boolean' } } };

  test(`rows deeper than ${SHOWN_DEPTH} levels are folded under the row that opens them`, () => {
    const rows = rowsOf(deep(5));
    expect(Math.max(...rows.map((row) => row.depth))).toBe(SHOWN_DEPTH - 1);
    const folding = rows.filter((row) => row.folded);
    expect(folding.map((row) => row.path)).toEqual(['l5.l4.l3']);
    expect(folding[0]!.folded!.map((row) => [row.path, row.depth])).toEqual([
      ['l5.l4.l3.l2', 3],
      ['l5.l4.l3.l2.l1', 4],
      ['l5.l4.l3.l2.flag', 4],
      ['l5.l4.l3.flag', 3],
    ]);
  });

  test('folded rows keep anchors unique across the whole table', () => {
    const rows = rowsOf(deep(6));
    const all = (list: SchemaRow[]): SchemaRow[] => list.flatMap((row) => [row, ...all(row.folded ?? [])]);
    expectUniqueAnchors(all(rows));
  });
});
