import { describe, expect, test } from 'vitest';
import type { OpenApiDocument, SchemaObject } from '../openapi.ts';
import { sampleFromSchema } from '../sample.ts';
import { seedOf } from '../realistic-values.ts';
import { SpecValidator } from '../validate.ts';

const document: OpenApiDocument = { openapi: '3.1.0', info: { title: 'Hints', version: '1.0.0' }, paths: {} };
const validator = new SpecValidator(document);
const value = (name: string, schema: SchemaObject, seed = 1) =>
  sampleFromSchema(document, schema, { name, seed, validator });

describe('generated values follow the field’s format, name, pattern and examples', () => {
  test.each<[string, SchemaObject, RegExp]>([
    ['email', { type: 'string' }, /^[a-z]+\.[a-z]+@example\.com$/],
    ['contact', { type: 'string', format: 'email' }, /^[a-z]+\.[a-z]+@example\.com$/],
    ['id', { type: 'string', format: 'uuid' }, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
    ['homepage', { type: 'string', format: 'uri' }, /^https:\/\/example\.com\/\w+\/\d{4}$/],
    ['avatar_url', { type: 'string' }, /^https:\/\/example\.com\/images\/\w+\.png$/],
    ['created_at', { type: 'string', format: 'date-time' }, /^202[56]-\d\d-\d\dT\d\d:\d\d:\d\dZ$/],
    ['birthday', { type: 'string', format: 'date' }, /^202[56]-\d\d-\d\d$/],
    ['updated_at', { type: 'string' }, /^202[56]-\d\d-\d\dT\d\d:\d\d:\d\dZ$/],
    ['ts', { type: 'string' }, /^1[78]\d{8}\.\d{6}$/],
    ['currency', { type: 'string' }, /^[A-Z]{3}$/],
    ['currency', { type: 'string', pattern: '^[a-z]{3}$' }, /^[a-z]{3}$/],
    ['currency', { type: 'string', examples: ['usd'] }, /^usd$/],
    ['currency', { type: 'string', description: 'Three-letter ISO currency code, in lowercase.' }, /^[a-z]{3}$/],
    ['country', { type: 'string', maxLength: 2 }, /^[A-Z]{2}$/],
    ['countryCode', { type: 'string' }, /^[A-Z]{2}$/],
    ['name', { type: 'string' }, /^[A-Z][a-z]+ [A-Z][a-z]+$/],
    ['FriendlyName', { type: 'string' }, /^./],
    ['first_name', { type: 'string' }, /^[A-Z][a-z]+$/],
    ['phone_number', { type: 'string' }, /^\+1555010\d{4}$/],
    ['to', { type: 'string', format: 'phone-number' }, /^\+1555010\d{4}$/],
    ['username', { type: 'string' }, /^[a-z]+\.[a-z]+$/],
    ['city', { type: 'string' }, /^[A-Z][a-z]+( [A-Z][a-z]+)?$/],
    ['locale', { type: 'string' }, /^[a-z]{2}-[A-Z]{2}$/],
    ['description', { type: 'string' }, /^[A-Z].+[.!]$/],
    ['birthday', { type: 'string' }, /^19\d\d-0\d-1\d$/],
    ['customer_id', { type: 'string' }, /^[A-Z0-9]{16}$/],
    ['cus', { type: 'string', pattern: '^cus_[A-Za-z0-9]{8}$' }, /^cus_[A-Za-z0-9]{8}$/],
  ])('%s %j', (name, schema, expected) => {
    const generated = value(name, schema);
    expect(generated).toMatch(expected);
    expect(validator.accepts(schema, generated)).toBe(true);
  });

  test.each<[string, SchemaObject, (n: number) => boolean]>([
    ['amount', { type: 'integer' }, (n) => Number.isInteger(n) && n >= 500],
    ['unit_amount', { type: 'integer', minimum: 0 }, (n) => Number.isInteger(n) && n >= 500],
    ['price', { type: 'number' }, (n) => n >= 5 && n < 200],
    ['created', { type: 'integer' }, (n) => n >= 1_735_689_600 && n < 1_783_000_000],
    ['created_ms', { type: 'integer' }, (n) => n >= 1_735_689_600_000],
    ['expires_in', { type: 'integer' }, (n) => n === 1],
    ['quantity', { type: 'integer', maximum: 10 }, (n) => n >= 1 && n <= 5],
    ['latitude', { type: 'number' }, (n) => n >= -90 && n <= 90],
    ['amount', { type: 'integer', maximum: 100 }, (n) => n <= 100],
  ])('%s %j', (name, schema, check) => {
    const generated = value(name, schema) as number;
    expect(check(generated), String(generated)).toBe(true);
    expect(validator.accepts(schema, generated)).toBe(true);
  });

  test('a hint the schema refuses gives way to a value the schema takes', () => {
    expect(value('email', { type: 'string', maxLength: 5 })).toHaveLength(5);
    expect(value('currency', { type: 'string', enum: ['eur'] })).toBe('eur');
    expect(value('email', { type: 'string', example: 'ops@acme.test' })).toBe('ops@acme.test');
    expect(value('created', { type: 'integer', maximum: 10 })).toBeLessThanOrEqual(10);
  });
});

describe('generated data is the same for the same seed, and differs between seeds', () => {
  const Customer: SchemaObject = {
    type: 'object',
    properties: {
      email: { type: 'string' },
      name: { type: 'string' },
      created: { type: 'integer' },
      currency: { type: 'string', pattern: '^[a-z]{3}$' },
      id: { type: 'string', format: 'uuid' },
    },
  };
  test('one seed, one value', () => {
    const key = seedOf('sk_test_reload1234');
    expect(sampleFromSchema(document, Customer, { seed: key, validator })).toEqual(
      sampleFromSchema(document, Customer, { seed: key, validator }),
    );
  });
  test('two keys see different data', () => {
    const a = sampleFromSchema(document, Customer, { seed: seedOf('sk_test_aaaaaaaa'), validator });
    const b = sampleFromSchema(document, Customer, { seed: seedOf('sk_test_bbbbbbbb'), validator });
    expect(a).not.toEqual(b);
    expect((a as { id: string }).id).not.toBe((b as { id: string }).id);
  });
});

test('the name, username and email of one object describe one person', () => {
  const Person: SchemaObject = {
    type: 'object',
    properties: { given_name: { type: 'string' }, family_name: { type: 'string' }, email_address: { type: 'string' } },
  };
  for (const seed of [1, 2, 3]) {
    const person = sampleFromSchema(document, Person, { seed, validator }) as Record<string, string>;
    expect(person.email_address).toBe(`${person.given_name}.${person.family_name}@example.com`.toLowerCase());
  }
});
