import { describe, expect, test } from 'vitest';
import type { OpenApiDocument, Schema, SchemaObject } from '../../../../mocks/core/openapi.ts';
import { merged, schemaRows, typeOf, type SchemaRow } from '../schema-rows';

/** A minimal OpenAPI 3.1 document holding only the named schemas, which the cases reference by `$ref`. */
const documentWith = (schemas: Record<string, Schema> = {}): OpenApiDocument =>
  ({ openapi: '3.1.0', info: { title: 'Rows', version: '1' }, paths: {}, components: { schemas } }) as OpenApiDocument;
const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const rowsOf = (schema: Schema, schemas: Record<string, Schema> = {}) => schemaRows(documentWith(schemas), schema, 't');
const byPath = (rows: SchemaRow[], path: string) => rows.find((row) => row.path === path && !row.variant);
const expectUniqueAnchors = (rows: SchemaRow[]) =>
  expect(rows.map((row) => row.anchor)).toEqual([...new Set(rows.map((row) => row.anchor))]);

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
      { type: 'object', properties: { data: { type: 'array', items: ref('Address') } } },
      { Address: address },
      [
        ['data', 0],
        ['data[].city', 1],
        ['data[].geo', 1],
        ['data[].geo.lat', 2],
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
      { type: 'object', properties: { owner: { oneOf: [ref('Owner'), { type: 'null' }] } } },
      { Owner: { type: 'object', properties: { email: { type: 'string' } } } },
      [
        ['owner', 0],
        ['owner.email', 1],
      ],
    ],
    [
      'an array of nullable objects shows the object’s fields',
      { type: 'object', properties: { list: { type: 'array', items: { anyOf: [{ type: 'null' }, ref('Owner')] } } } },
      { Owner: { type: 'object', properties: { email: { type: 'string' } } } },
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

describe('oneOf and anyOf alternatives', () => {
  const card: Schema = {
    type: 'object',
    properties: { type: { const: 'card' }, name: { type: 'string' }, last4: { type: 'string' } },
  };
  const bank: Schema = {
    title: 'Bank account',
    type: 'object',
    properties: { type: { type: 'string', enum: ['bank'] }, name: { type: 'string' } },
  };
  const schemas = { Card: card, BankAccount: bank };

  test.each<[string, Schema, string[]]>([
    [
      'a discriminator labels options by its value',
      { oneOf: [ref('Card'), ref('BankAccount')], discriminator: { propertyName: 'type' } },
      ['When type is "card"', 'When type is "bank"'],
    ],
    [
      'without one, options are numbered and named by title or $ref',
      { oneOf: [ref('Card'), ref('BankAccount'), { type: 'object', properties: { name: { type: 'string' } } }] },
      ['Option 1: Card', 'Option 2: Bank account', 'Option 3'],
    ],
    [
      'anyOf is labelled the same way',
      { type: 'object', properties: { method: { anyOf: [ref('Card'), ref('BankAccount')] } } },
      ['Option 1: Card', 'Option 2: Bank account'],
    ],
  ])('%s', (_case, schema, labels) => {
    const rows = rowsOf(schema, schemas);
    expect(rows.filter((row) => row.variant).map((row) => row.variant)).toEqual(labels);
    expectUniqueAnchors(rows);
  });

  test('each option’s fields sit one level under its heading row', () => {
    const rows = rowsOf(
      { type: 'object', properties: { method: { oneOf: [ref('Card'), ref('BankAccount')] } } },
      schemas,
    );
    expect(rows.map((row) => [row.variant ? `(${row.name})` : row.path, row.depth])).toEqual([
      ['method', 0],
      ['(Option 1: Card)', 1],
      ['method.type', 2],
      ['method.name', 2],
      ['method.last4', 2],
      ['(Option 2: Bank account)', 1],
      ['method.type', 2],
      ['method.name', 2],
    ]);
  });

  test('two options with a field of the same name still give every row its own anchor', () => {
    for (const schema of [
      { oneOf: [ref('Card'), ref('BankAccount')] },
      { type: 'object', properties: { method: { oneOf: [ref('Card'), ref('BankAccount')] } } },
      { type: 'array', items: { anyOf: [ref('Card'), ref('BankAccount')] } },
    ] satisfies Schema[]) {
      const rows = rowsOf(schema, schemas);
      expect(rows.filter((row) => row.name === 'name')).toHaveLength(2);
      expectUniqueAnchors(rows);
    }
  });

  test('anchors are URL-fragment safe and carry the table prefix', () => {
    const rows = rowsOf(
      { type: 'object', properties: { 'odd key/with spaces': { oneOf: [ref('Card'), ref('BankAccount')] } } },
      schemas,
    );
    for (const row of rows) expect(row.anchor).toMatch(/^t-[A-Za-z0-9_-]+$/);
  });
});

describe('circular schemas', () => {
  const node: Schema = {
    type: 'object',
    properties: {
      id: { type: 'string' },
      children: { type: 'array', items: ref('Node') },
      parent: { oneOf: [ref('Node'), { type: 'null' }] },
    },
  };

  test('a property that repeats an open schema links back to the row that opened it', () => {
    const rows = rowsOf({ type: 'object', properties: { root: ref('Node') } }, { Node: node });
    expect(rows.map((row) => [row.path, row.circularTo])).toEqual([
      ['root', undefined],
      ['root.id', undefined],
      ['root.children', 't-root'],
      ['root.parent', 't-root'],
    ]);
    expectUniqueAnchors(rows);
  });

  test('a tree of "this or a leaf" options stops at the option that repeats', () => {
    const rows = rowsOf(ref('Tree'), {
      Tree: { type: 'object', properties: { kids: { type: 'array', items: { oneOf: [ref('Tree'), ref('Leaf')] } } } },
      Leaf: { type: 'object', properties: { value: { type: 'number' } } },
    });
    const repeat = rows.find((row) => row.circularTo);
    expect(repeat).toMatchObject({ variant: 'Option 1: Tree' });
    expect(rows.find((row) => row.anchor === repeat!.circularTo)).toMatchObject({ variant: 'Option 1: Tree' });
    expect(rows.length).toBeLessThan(12);
    expectUniqueAnchors(rows);
  });

  test('every circular link points at a row of the same table', () => {
    const rows = rowsOf(ref('Node'), { Node: node });
    const anchors = new Set(rows.map((row) => row.anchor));
    const links = rows.filter((row) => row.circularTo);
    expect(links.length).toBeGreaterThan(0);
    for (const row of links) expect(anchors).toContain(row.circularTo);
  });

  test('a $ref loop with no properties in between ends instead of recursing', () => {
    const loop = documentWith({ A: ref('B'), B: ref('A') });
    expect(merged(loop, ref('A'))).toBeUndefined();
    expect(typeOf(loop, ref('A'))).toBe('object');
    expect(schemaRows(loop, ref('A'), 't')).toEqual([]);
  });
});

describe('merged and typeOf', () => {
  const document = documentWith({
    Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    Pet: { allOf: [ref('Base'), { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }] },
  });

  test('merged follows $ref and folds allOf, keeping sibling keywords of the $ref', () => {
    expect(merged(document, { ...ref('Pet'), description: 'A pet' })).toMatchObject({
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'string' }, name: { type: 'string' } },
      description: 'A pet',
    });
  });

  test.each<[Schema, string]>([
    [ref('Pet'), 'Pet'],
    [{ type: 'array', items: ref('Pet') }, 'array of Pet'],
    [{ type: 'string', format: 'date-time' }, 'string (date-time)'],
    [{ oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'string' }] }, 'string or integer'],
    [{ enum: [1, 2] }, 'number'],
    [{ const: true }, 'boolean'],
    [{}, 'any'],
  ])('typeOf %j is %s', (schema, type) => {
    expect(typeOf(document, schema)).toBe(type);
  });
});
