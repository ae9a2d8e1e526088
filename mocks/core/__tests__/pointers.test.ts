import { describe, expect, test } from 'vitest';
import {
  fragmentKey,
  fragmentToken,
  listOperations,
  resolvePointer,
  schemaAt,
  type OpenApiDocument,
} from '../openapi.ts';
import { sampleFromSchema } from '../sample.ts';
import { SpecValidator } from '../validate.ts';

/**
 * The `#/…` pointers the sandbox builds for a document's keys, and those the validator reports, find the keys again
 * whatever they hold: a vendor's path with `%` lost its parameters (or, with a lone `%`, failed to load), and a field
 * with a space in its name was told it "must be at least undefined".
 */
const KEYS = [
  ['a percent-escape that is text', '/files/{name}%20x'],
  ['a lone percent sign', '/discounts/100%'],
  ['a tilde', '/users/~me'],
  ['a slash', '/a/b/c'],
  ['a hash', '/notes#draft'],
  ['a space', '/pet food'],
] as const;

describe('pointers to keys with characters a URI fragment escapes', () => {
  test.each(KEYS)('%s: the key comes back from its token', (_case, key) => {
    expect(fragmentKey(fragmentToken(key))).toBe(key);
  });

  test.each(KEYS)('%s: the path keeps its parameters, and its parameters and body validate', (_case, key) => {
    const get = { parameters: [{ name: 'limit', in: 'query', required: true, schema: { type: 'integer' } }] };
    // A body schema with an `$id` is indexed once, up front: indexed again under another URI, it would clash.
    const body = { $id: 'https://example.com/note', type: 'object', required: ['text'] };
    const post = { requestBody: { content: { 'application/json': { schema: body } } } };
    const document = { openapi: '3.1.0', info: { title: 'Keys', version: '1' }, paths: { [key]: { get, post } } };
    const [read, write] = listOperations(document as OpenApiDocument);
    expect(resolvePointer(document, read!.pointer)).toBe(get);
    expect(read!.parameters.map((parameter) => parameter.name)).toEqual(['limit']);
    const validator = new SpecValidator(document as OpenApiDocument);
    expect(validator.validate(read!.parameters[0]!.schemaPointer, 'ten', '/query/limit')).toEqual([
      { pointer: '/query/limit', detail: 'must be an integer' },
    ]);
    const bodyPointer = `${write!.pointer}/requestBody/content/${fragmentToken('application/json')}/schema`;
    expect(validator.validate(bodyPointer, {}, '/body')).toEqual([{ pointer: '/body/text', detail: 'is required' }]);
  });

  test.each(KEYS)('%s: a schema named so is found by its pointer', (_case, name) => {
    const schema = { type: 'string' };
    const document = { components: { schemas: { [name]: schema } } };
    expect(resolvePointer(document, `#/components/schemas/${fragmentToken(name)}`)).toBe(schema);
  });

  test.each(KEYS)('%s: a property named so is explained with its own limit', (_case, name) => {
    const schemas = { Order: { type: 'object', properties: { [name]: { type: 'integer', minimum: 3 } } } };
    const document = { openapi: '3.1.0', info: { title: 'Keys', version: '1' }, paths: {}, components: { schemas } };
    const errors = new SpecValidator(document as OpenApiDocument).validate('#/components/schemas/Order', { [name]: 1 });
    expect(errors.map((error) => error.detail)).toEqual(['must be at least 3']);
  });

  test.each(KEYS)('%s: a 400 names the field the same way for a wrong type as for a missing one', (_case, name) => {
    const schemas = { Order: { type: 'object', properties: { [name]: { type: 'integer' } } } };
    const document = { openapi: '3.1.0', info: { title: 'Keys', version: '1' }, paths: {}, components: { schemas } };
    const validator = new SpecValidator(document as OpenApiDocument);
    const wrongType = validator.validate('#/components/schemas/Order', { [name]: 'x' }, '/body');
    const required = { Order: { ...schemas.Order, required: [name] } };
    const missing = new SpecValidator({ ...document, components: { schemas: required } } as OpenApiDocument).validate(
      '#/components/schemas/Order',
      {},
      '/body',
    );
    expect(wrongType.map((error) => error.pointer)).toEqual(missing.map((error) => error.pointer));
    expect(missing[0]!.pointer).toBe(`/body/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  });

  // Written by hand in a vendor's document, not built by fragmentToken: a `%` that starts no escape means itself.
  const HAND_WRITTEN = [
    ['a lone percent sign', '100%', '100%'],
    ['a percent sign before letters', '50%off', '50%off'],
    ['a cut UTF-8 sequence', 'caf%C3', 'caf%C3'],
    ['a cut sequence right after an ASCII escape', 'a%20%E0%A4', 'a %E0%A4'],
    ['a whole character, then a cut one', 'caf%C3%A9%C3', 'café%C3'],
    ['a whole escape', 'caf%C3%A9', 'café'],
  ] as const;

  test.each(HAND_WRITTEN)('%s in a $ref finds the schema', (_case, token, name) => {
    const schema = { type: 'string' };
    const document = { components: { schemas: { [name]: schema } } };
    expect(schemaAt(document, `#/components/schemas/${token}`)).toBe(schema);
  });

  test.each(HAND_WRITTEN)(
    '%s in a $ref: the value is checked against that schema and sampled from it',
    (_c, token, name) => {
      const schemas = {
        [name]: { type: 'integer', minimum: 7 },
        Order: { type: 'object', required: ['n'], properties: { n: { $ref: `#/components/schemas/${token}` } } },
      };
      const document = { openapi: '3.1.0', info: { title: 'Keys', version: '1' }, paths: {}, components: { schemas } };
      const validator = new SpecValidator(document as OpenApiDocument);
      expect(validator.validate('#/components/schemas/Order', { n: 'x' }, '/body')).toEqual([
        { pointer: '/body/n', detail: 'must be an integer' },
      ]);
      const sample = sampleFromSchema(document as OpenApiDocument, schemas.Order, { validator });
      expect(validator.validate('#/components/schemas/Order', sample)).toEqual([]);
      expect((sample as { n: number }).n).toBeGreaterThanOrEqual(7);
    },
  );

  test("an ordinary key's pointer reads as it always has", () => {
    expect(fragmentToken('/customers/{id}')).toBe('~1customers~1{id}');
    expect(fragmentToken('application/problem+json')).toBe('application~1problem+json');
  });
});
