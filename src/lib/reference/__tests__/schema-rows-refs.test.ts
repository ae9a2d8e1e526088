/** Schema rows and $ref: named schemas link instead of repeating, and cycles and missing targets end. */
import { describe, expect, test } from 'vitest';
import type { OpenApiDocument, Schema } from '../../../../mocks/core/openapi.ts';
import { merged } from '../schema-refs';
import { linkedSchemas, schemaRows } from '../schema-rows';
import { typeOf } from '../schema-words';
import { byPath, documentWith, expectUniqueAnchors, owner, ref, rowsOf } from './schema-rows-fixtures.ts';

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

  test('a hand-written $ref to a name with a lone % links to that schema', () => {
    const discount: Schema = { type: 'object', properties: { off: { $ref: '#/components/schemas/100%' } } };
    const row = byPath(rowsOf(ref('Discount'), { Discount: discount, '100%': owner }), 'off');
    expect([row?.type, row?.schema]).toEqual(['100%', '100%']);
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
