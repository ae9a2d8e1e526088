import { describe, expect, test } from 'vitest';
import type { OpenApiDocument, Schema, SchemaObject } from '../../../../mocks/core/openapi.ts';
import { merged } from '../schema-refs';
import { linkedSchemas, schemaRows, SHOWN_DEPTH, type SchemaRow } from '../schema-rows';
import { typeOf } from '../schema-words';

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

const owner: Schema = { type: 'object', properties: { email: { type: 'string' } } };

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

  test('each inline option’s fields sit one level under its heading row', () => {
    const rows = rowsOf({ type: 'object', properties: { method: { oneOf: [card, bank] } } }, schemas);
    expect(rows.map((row) => [row.variant ? `(${row.name})` : row.path, row.depth])).toEqual([
      ['method', 0],
      ['(Option 1)', 1],
      ['method.type', 2],
      ['method.name', 2],
      ['method.last4', 2],
      ['(Option 2: Bank account)', 1],
      ['method.type', 2],
      ['method.name', 2],
    ]);
  });

  test('a named option links to its schema’s page instead of listing its fields', () => {
    const rows = rowsOf(
      { type: 'object', properties: { method: { oneOf: [ref('Card'), ref('BankAccount')] } } },
      schemas,
    );
    expect(rows.map((row) => [row.variant ?? row.path, row.schema])).toEqual([
      ['method', undefined],
      ['Option 1: Card', 'Card'],
      ['Option 2: Bank account', 'BankAccount'],
    ]);
  });

  test('two options with a field of the same name still give every row its own anchor', () => {
    for (const schema of [
      { oneOf: [card, bank] },
      { type: 'object', properties: { method: { oneOf: [card, bank] } } },
      { type: 'array', items: { anyOf: [card, bank] } },
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

describe('named schemas link instead of repeating', () => {
  const node: Schema = {
    type: 'object',
    properties: {
      id: { type: 'string' },
      children: { type: 'array', items: ref('Node') },
      parent: { oneOf: [ref('Node'), { type: 'null' }] },
      owner: { allOf: [ref('Owner')], description: 'Who owns it' },
      kind: ref('Kind'),
    },
  };
  const schemas = { Node: node, Owner: owner, Kind: { type: 'string', enum: ['a', 'b'] } };

  test.each<[path: string, type: string, schema: string | undefined, constraints: string[]]>([
    ['id', 'string', undefined, []],
    ['children', 'array of Node', 'Node', []],
    ['parent', 'Node or null', 'Node', []],
    ['owner', 'Owner', 'Owner', []],
    // A named string keeps its allowed values in the row: they are short, and a reader needs them there.
    ['kind', 'string', 'Kind', ['one of "a", "b"']],
  ])('%s is %s and links to %s', (path, type, schema, constraints) => {
    const row = byPath(rowsOf(ref('Node'), schemas), path);
    expect([row?.type, row?.schema, row?.constraints]).toEqual([type, schema, constraints]);
  });

  test('a self-referencing schema is one level of rows: its recursive fields are links', () => {
    const rows = rowsOf(ref('Node'), schemas);
    expect(rows.map((row) => row.path)).toEqual(['id', 'children', 'parent', 'owner', 'kind']);
    expect(linkedSchemas(rows)).toEqual(['Node', 'Owner', 'Kind']);
  });

  test('a chain of a hundred named schemas gives a table of one row, not a hundred', () => {
    const chain = Object.fromEntries(
      Array.from({ length: 100 }, (_, index) => [
        `S${index}`,
        { type: 'object', properties: { next: ref(`S${index + 1}`) } } as Schema,
      ]),
    );
    expect(rowsOf(ref('S0'), chain).map((row) => [row.path, row.schema])).toEqual([['next', 'S1']]);
  });

  test('a $ref to a schema the document does not define is named, marked and not expanded', () => {
    const rows = rowsOf({
      type: 'object',
      properties: { toggle: ref('Missing'), list: { type: 'array', items: ref('Missing') } },
    });
    expect(rows.map((row) => [row.path, row.type, row.missing])).toEqual([
      ['toggle', 'Missing', 'Missing'],
      ['list', 'array of Missing', 'Missing'],
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

describe('circular schemas through unnamed references', () => {
  // `$ref`s into a part of the document that is not components/schemas are expanded, with the cycle guard.
  const document = {
    ...documentWith(),
    'x-defs': {
      Node: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/x-defs/Node' } },
        },
      },
    },
  } as unknown as OpenApiDocument;

  test('a property that repeats an open schema links back to the row that opened it', () => {
    const rows = schemaRows(document, { type: 'object', properties: { root: { $ref: '#/x-defs/Node' } } }, 't');
    expect(rows.map((row) => [row.path, row.circularTo])).toEqual([
      ['root', undefined],
      ['root.id', undefined],
      ['root.children', 't-root'],
    ]);
    expectUniqueAnchors(rows);
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
