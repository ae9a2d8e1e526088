/**
 * Specs that keep parts in other files (openapi/shared/components.yaml): every reader gets one self-contained
 * document, and the download at /openapi/<api>.yaml is still the file its author wrote, with those parts put in.
 * The errors a broken reference gives are in scripts/__tests__/generate-sandbox.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createSandbox } from '../core/sandbox.ts';
import { readSpec, readSpecSource, SpecError } from '../load-spec.ts';

/** Write files into a new folder and return its path. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'external-refs-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const SHARED = `openapi: 3.1.0
info: { title: Shared, version: '1' }
components:
  headers:
    WWW-Authenticate: { schema: { type: string }, example: Bearer realm="sandbox" }
  responses:
    Unauthorized:
      description: No key
      headers:
        WWW-Authenticate: { $ref: '#/components/headers/WWW-Authenticate' }
`;

const PETS = `openapi: 3.1.0
info: { title: Pets, version: '1' }
x-sandbox:
  rateLimit: { limit: 5, windowSeconds: 10 } # deliberately strict
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: The pets
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
        '401': { $ref: '#/components/responses/Unauthorized' }
components:
  responses:
    Unauthorized: { $ref: './shared/components.yaml#/components/responses/Unauthorized' }
  schemas:
    Pet: { type: object, properties: { name: { type: string } } }
`;

describe('the download of a spec that uses shared components', () => {
  const dir = folder({ 'pets.yaml': PETS, 'shared/components.yaml': SHARED });
  const source = readSpecSource(join(dir, 'pets.yaml'));
  const served = parse(source.text);

  test('is YAML and self-contained: what the sandbox reads, before the upgrade to 3.1', () => {
    expect(source.format).toBe('yaml');
    expect(source.text).not.toContain('shared/components.yaml');
    expect(served).toEqual(readSpec(join(dir, 'pets.yaml')).document);
    expect(served.components.responses.Unauthorized.description).toBe('No key');
    // Brought in by the shared response, under its own name.
    expect(served.components.headers['WWW-Authenticate'].example).toBe('Bearer realm="sandbox"');
  });

  test('keeps what its author wrote: comments, order and flow style', () => {
    expect(source.text).toContain('rateLimit: { limit: 5, windowSeconds: 10 } # deliberately strict');
    expect(source.text).toContain("schema: { $ref: '#/components/schemas/Pet' }");
    expect(source.text.indexOf('paths:')).toBeLessThan(source.text.indexOf('components:'));
  });
});

describe('documents that reference no other file', () => {
  test.each(['tests/fixtures/specs/sandbox-quirks.yaml', 'tests/fixtures/specs/oai-petstore-swagger2.json'])(
    '%s is served byte for byte',
    (file) => {
      expect(readSpecSource(file).text).toBe(readFileSync(file, 'utf8'));
    },
  );

  test('a $ref to a URL is never fetched: it stays, with the warning any unresolved $ref gets', () => {
    const dir = folder({
      'remote.yaml': `openapi: 3.1.0
info: { title: Remote, version: '1' }
paths: {}
components:
  schemas:
    Money: { $ref: 'https://schemas.example.com/common.json#/Money' }
`,
    });
    const { document, warnings } = readSpec(join(dir, 'remote.yaml'));
    expect(document.components?.schemas?.['Money']).toEqual({ $ref: 'https://schemas.example.com/common.json#/Money' });
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('$ref "https://schemas.example.com/common.json#/Money" points to nothing'),
    ]);
  });
});

describe('other shapes of references to files', () => {
  test('a JSON document is bundled and served as JSON', () => {
    const dir = folder({
      'pets.json': JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Pets', version: '1' },
        paths: {},
        components: {
          responses: { Unauthorized: { $ref: 'shared/components.yaml#/components/responses/Unauthorized' } },
        },
      }),
      'shared/components.yaml': SHARED,
    });
    const source = readSpecSource(join(dir, 'pets.json'));
    expect(source.format).toBe('json');
    expect(JSON.parse(source.text).components.headers['WWW-Authenticate']).toBeDefined();
  });

  test('a whole file named as a component keeps that name, and every ref to the file points to it', () => {
    const dir = folder({
      'zoo.yaml': `openapi: 3.1.0
info: { title: Zoo, version: '1' }
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: The pets
          content: { application/json: { schema: { type: array, items: { $ref: './schemas/pet.yaml' } } } }
components:
  schemas:
    Pet: { $ref: './schemas/pet.yaml' }
`,
      // A file of its own that refers to itself, and to a second file that is put in where it is used.
      'schemas/pet.yaml': `type: object
properties:
  parent: { $ref: './pet.yaml' }
  tag: { $ref: './tag.yaml' }
`,
      'schemas/tag.yaml': 'type: string\n',
    });
    const { document, bundled } = readSpec(join(dir, 'zoo.yaml'));
    // Each file it took parts from, once, by its path: the reference dates the document by them.
    expect(bundled).toEqual([join(dir, 'schemas', 'pet.yaml'), join(dir, 'schemas', 'tag.yaml')]);
    const pet = document.components?.schemas?.['Pet'];
    expect(pet).toEqual({
      type: 'object',
      properties: { parent: { $ref: '#/components/schemas/Pet' }, tag: { type: 'string' } },
    });
    expect(JSON.stringify(document.paths)).toContain('"items":{"$ref":"#/components/schemas/Pet"}');
  });

  test('a file that refers to itself outside components is an error that says what to do', () => {
    const dir = folder({
      'tree.yaml': `openapi: 3.1.0
info: { title: Tree, version: '1' }
paths: {}
webhooks:
  grown:
    post:
      requestBody: { content: { application/json: { schema: { $ref: './node.yaml' } } } }
      responses: { '200': { description: OK } }
`,
      'node.yaml': "type: object\nproperties: { children: { type: array, items: { $ref: '#' } } }\n",
    });
    expect(() => readSpec(join(dir, 'tree.yaml'))).toThrow(SpecError);
    expect(() => readSpec(join(dir, 'tree.yaml'))).toThrow(
      /node\.yaml#\/properties\/children\/items\/\$ref: \$ref "#" refers to itself; put its target under components\/ to use it\.$/,
    );
  });
});

describe('the template for a new API in openapi/README.md', () => {
  const readme = readFileSync('openapi/README.md', 'utf8');
  const start = readme.indexOf('```yaml\n', readme.indexOf('## A new API')) + '```yaml\n'.length;
  const dir = folder({
    'things.yaml': readme.slice(start, readme.indexOf('```\n', start)),
    'shared/components.yaml': readFileSync('openapi/shared/components.yaml', 'utf8'),
  });
  const { document, warnings } = readSpec(join(dir, 'things.yaml'));

  test('reads without a warning, with the shared components in it', () => {
    expect(warnings).toEqual([]);
    expect(document.info.title).toBe('Engine Room Things API');
    expect(JSON.stringify(document)).not.toMatch(/"\$ref":"(?!#)/);
  });

  test('is answered by the sandbox as it stands', async () => {
    const sandbox = createSandbox({ specs: { things: document }, mount: '/sandbox/' });
    const send = async (method: string, body?: unknown, key = 'sk_test_template01') => {
      const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
      if (body) headers['content-type'] = 'application/json';
      const init = { method, headers, body: body ? JSON.stringify(body) : null };
      const response = (await sandbox.handle(new Request('http://site.test/sandbox/things/v1/things', init)))!;
      return { status: response.status, body: await response.json() };
    };
    expect(await send('POST', { name: 'First thing' })).toMatchObject({ status: 201, body: { name: 'First thing' } });
    expect(await send('GET')).toMatchObject({ status: 200, body: { data: [{ name: 'First thing' }] } });
    expect(await send('GET', undefined, '')).toMatchObject({ status: 401, body: { title: 'Unauthorized' } });
  });
});
