/** Schema rows for oneOf and anyOf: how each option is labelled, nested, linked and anchored. */
import { describe, expect, test } from 'vitest';
import type { Schema } from '../../../../mocks/core/openapi.ts';
import { expectUniqueAnchors, ref, rowsOf } from './schema-rows-fixtures.ts';

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
