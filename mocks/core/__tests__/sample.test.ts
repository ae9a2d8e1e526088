import { describe, expect, test } from 'vitest';
import type { OpenApiDocument, Schema } from '../openapi.ts';
import { sampleFromSchema } from '../sample.ts';
import { SpecValidator } from '../validate.ts';

/** A document holding `schemas` as components, and a validator for it. */
function setup(schemas: Record<string, Schema>) {
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: 'Samples', version: '1.0.0' },
    paths: {},
    components: { schemas },
  };
  const validator = new SpecValidator(document);
  const sample = (name: string) =>
    sampleFromSchema(document, document.components!.schemas![name], {
      validator,
      pointer: `#/components/schemas/${name}`,
    });
  const errors = (name: string, value: unknown) => validator.validate(`#/components/schemas/${name}`, value);
  return { document, validator, sample, errors };
}

describe('generated values are valid against the whole schema', () => {
  test('oneOf: a value that matches exactly one branch, even when the branches overlap', () => {
    const { sample, errors } = setup({
      Channel: {
        // Any value of the first branch also matches the second: only a value of the second alone will do.
        oneOf: [
          {
            type: 'object',
            required: ['handle', 'verified'],
            properties: { handle: { type: 'string' }, verified: { type: 'boolean' } },
          },
          { type: 'object', required: ['handle'], properties: { handle: { type: 'string' } } },
        ],
      },
    });
    const value = sample('Channel');
    expect(value).toEqual({ handle: expect.any(String) });
    expect(errors('Channel', value)).toEqual([]);
  });

  test('oneOf with a discriminator: the property names the branch, as the mapping says', () => {
    const { sample, errors } = setup({
      Activity: {
        oneOf: [{ $ref: '#/components/schemas/Note' }, { $ref: '#/components/schemas/Call' }],
        discriminator: { propertyName: 'kind', mapping: { note: '#/components/schemas/Note', call: 'Call' } },
      },
      Note: { type: 'object', required: ['kind', 'text'], properties: { kind: { type: 'string' }, text: {} } },
      Call: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
    });
    const value = sample('Activity');
    expect(value).toMatchObject({ kind: 'note' });
    expect(errors('Activity', value)).toEqual([]);
  });

  test('anyOf: a branch no value can meet is skipped', () => {
    const { sample, errors } = setup({
      Amount: {
        anyOf: [
          { type: 'integer', minimum: 5, maximum: 1 },
          { type: 'string', pattern: '^\\d+\\.\\d{2}$' },
        ],
      },
    });
    const value = sample('Amount');
    expect(typeof value).toBe('string');
    expect(errors('Amount', value)).toEqual([]);
  });

  test('oneOf beside properties: the properties and the branch are merged', () => {
    const { sample, errors } = setup({
      Filter: {
        type: 'object',
        properties: { exact: { type: 'number' }, range: { type: 'object' } },
        oneOf: [{ required: ['exact'] }, { required: ['range'] }],
      },
    });
    const value = sample('Filter');
    expect(errors('Filter', value)).toEqual([]);
  });

  test('allOf: the parts are merged, a property in two parts meets both', () => {
    const { sample, errors } = setup({
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 12 } } },
      Customer: {
        allOf: [
          { $ref: '#/components/schemas/Base' },
          { type: 'object', required: ['email'], properties: { id: { pattern: '^cus_' }, email: { format: 'email' } } },
        ],
      },
    });
    const value = sample('Customer') as Record<string, string>;
    expect(Object.keys(value).sort()).toEqual(['email', 'id']);
    expect(errors('Customer', value)).toEqual([]);
  });

  test('a required property that is recursive gets the smallest valid value', () => {
    const { sample, errors } = setup({
      Rule: {
        type: 'object',
        required: ['op', 'children'],
        properties: {
          op: { enum: ['and', 'or'] },
          children: { type: 'array', items: { $ref: '#/components/schemas/Rule' } },
        },
      },
      Node: {
        type: 'object',
        required: ['value', 'next'],
        properties: {
          value: { type: 'integer' },
          next: { anyOf: [{ $ref: '#/components/schemas/Node' }, { type: 'null' }] },
        },
      },
    });
    expect(errors('Rule', sample('Rule'))).toEqual([]);
    const node = sample('Node');
    expect(errors('Node', node)).toEqual([]);
  });

  test('required properties are present below the depth limit', () => {
    const levels: Record<string, Schema> = {};
    for (let i = 0; i < 14; i++) {
      levels[`L${i}`] = {
        type: 'object',
        required: ['text', 'next'],
        properties: {
          text: { type: 'string' },
          optional: { type: 'string' },
          next: { $ref: `#/components/schemas/L${i + 1}` },
        },
      };
    }
    levels.L14 = { type: 'object', required: ['end'], properties: { end: { type: 'boolean' } } };
    const { sample, errors } = setup(levels);
    expect(errors('L0', sample('L0'))).toEqual([]);
  });

  test('Swagger-era tuples (`items: [a, b]`) are read as the validator reads them', () => {
    const { sample, errors } = setup({
      Message: {
        type: 'object',
        required: ['bot_id'],
        // Not a 2020-12 schema (`items` is one schema there), but upgraded Swagger documents carry it.
        properties: {
          bot_id: { items: [{ type: 'string', pattern: '^B[A-Z0-9]{8,}$' }, { type: 'null' }] as unknown as Schema },
        },
      },
    });
    expect(errors('Message', sample('Message'))).toEqual([]);
  });

  test("the author's example is used when it is valid, and replaced when it is not", () => {
    const { sample } = setup({
      Good: { type: 'string', example: 'hello' },
      Bad: { type: 'integer', example: 'twelve', minimum: 3 },
      BadDefault: { type: 'string', default: null, enum: ['a', 'b'] },
    });
    expect(sample('Good')).toBe('hello');
    expect(sample('Bad')).toBe(3);
    expect(sample('BadDefault')).toBe('a');
  });

  test('a $ref to a schema that does not exist allows any value, in sampling and in validation', () => {
    const { sample, errors } = setup({
      Toggle: { type: 'object', required: ['type'], properties: { type: { $ref: '#/components/schemas/Missing' } } },
    });
    const value = sample('Toggle');
    expect(value).toEqual({ type: {} });
    expect(errors('Toggle', { type: 'ON' })).toEqual([]);
    expect(errors('Toggle', { type: 42 })).toEqual([]);
  });

  test('sampling without a validator at hand uses one made for the document', () => {
    const { document } = setup({ Pick: { oneOf: [{ type: 'integer', minimum: 2, maximum: 1 }, { type: 'boolean' }] } });
    expect(sampleFromSchema(document, { $ref: '#/components/schemas/Pick' })).toBe(true);
  });
});
