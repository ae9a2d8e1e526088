/** Swagger 2.0 and OpenAPI 3.0 documents are upgraded to 3.1 as they load; the reference shows the result. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../../../../mocks/load-spec.ts';
import { apiView } from '../model';

/** Writes a spec where loadSpec can read it, as a build would find it in openapi/. */
function specFile(name: string, spec: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'reference-upgrade-')), name);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

describe('upgrading Swagger 2.0 to OpenAPI 3.1', () => {
  const swagger = loadSpec(
    specFile('forms.json', {
      swagger: '2.0',
      info: { title: 'Forms', version: '1' },
      host: 'api.example.com',
      basePath: '/v2',
      schemes: ['https', 'http'],
      consumes: ['application/x-www-form-urlencoded'],
      produces: ['application/json'],
      securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
      paths: {
        '/pets': {
          post: {
            operationId: 'addPet',
            parameters: [
              { name: 'name', in: 'formData', type: 'string', required: true },
              { name: 'age', in: 'formData', type: 'integer' },
            ],
            responses: { '200': { description: 'The pet', schema: { $ref: '#/definitions/Pet' } } },
          },
        },
        '/pets/json': {
          post: {
            operationId: 'addPetJson',
            consumes: ['application/json'],
            parameters: [{ name: 'pet', in: 'body', required: true, schema: { $ref: '#/definitions/Pet' } }],
            responses: { '201': { description: 'Created' } },
          },
        },
      },
      definitions: {
        Pet: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, tag: { type: 'string', 'x-nullable': true } },
        },
      },
    }),
  );
  const operation = (path: string) => swagger.paths?.[path]?.post;

  test.each<[string, () => unknown, unknown]>([
    ['the version', () => swagger.openapi, expect.stringMatching(/^3\.1\./)],
    ['no swagger field is left', () => 'swagger' in swagger, false],
    ['definitions become components.schemas', () => Object.keys(swagger.components?.schemas ?? {}), ['Pet']],
    ['the definitions key is gone', () => 'definitions' in swagger, false],
    [
      'host, basePath and schemes become servers',
      () => swagger.servers,
      [{ url: 'https://api.example.com/v2' }, { url: 'http://api.example.com/v2' }],
    ],
    [
      'securityDefinitions become components.securitySchemes',
      () => swagger.components?.securitySchemes,
      { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
    ],
    [
      'formData parameters become a form body of the document-wide consumes type',
      () => operation('/pets')?.requestBody?.content,
      {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            properties: { name: { type: 'string' }, age: { type: 'integer' } },
            required: ['name'],
          },
        },
      },
    ],
    ['formData parameters leave the parameter list', () => operation('/pets')?.parameters ?? [], []],
    [
      'a body parameter becomes a required JSON body with its $ref rewritten',
      () => operation('/pets/json')?.requestBody,
      { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
    ],
    [
      'a response schema moves under content of the produces type',
      () => operation('/pets')?.responses?.['200'],
      { description: 'The pet', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
    ],
    [
      'x-nullable becomes a type that allows null',
      () => swagger.components?.schemas?.['Pet'],
      expect.objectContaining({
        properties: { name: { type: 'string' }, tag: { type: ['string', 'null'] } },
      }),
    ],
  ])('%s', (_case, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  test('the reference shows the form fields as rows of the request body', () => {
    const view = apiView('forms', swagger);
    const addPet = view.operations.find((candidate) => candidate.id === 'addPet');
    expect(addPet?.requestBody?.bodies.map((body) => body.mediaType)).toEqual(['application/x-www-form-urlencoded']);
    expect(addPet?.requestBody?.bodies[0]?.rows.map((row) => [row.name, row.type, row.required])).toEqual([
      ['name', 'string', true],
      ['age', 'integer', false],
    ]);
    expect(view.servers).toEqual([{ url: 'https://api.example.com/v2' }, { url: 'http://api.example.com/v2' }]);
  });
});

describe('upgrading OpenAPI 3.0 to 3.1', () => {
  const upgraded = loadSpec(
    specFile('three-oh.json', {
      openapi: '3.0.3',
      info: { title: 'Three', version: '1' },
      paths: {
        '/things': {
          get: {
            summary: '',
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: {
                        note: { type: 'string', nullable: true },
                        count: { type: 'integer', minimum: 0, exclusiveMinimum: true, example: 3 },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    }),
  );
  const schema = upgraded.paths?.['/things']?.get?.responses?.['200'];

  test.each<[string, () => unknown, unknown]>([
    ['the version', () => upgraded.openapi, expect.stringMatching(/^3\.1\./)],
    [
      'nullable becomes a type that allows null',
      () => JSON.stringify(schema),
      expect.stringContaining('"note":{"type":["string","null"]}'),
    ],
    [
      'a boolean exclusiveMinimum becomes the number and example becomes examples',
      () => JSON.stringify(schema),
      expect.stringContaining('"count":{"type":"integer","exclusiveMinimum":0,"examples":[3]}'),
    ],
  ])('%s', (_case, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  test('an operation with an empty summary is titled by its method and path', () => {
    expect(apiView('three', upgraded).operations.map((operation) => operation.summary)).toEqual(['GET /things']);
  });
});
