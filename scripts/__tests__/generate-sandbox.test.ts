/**
 * `npm run generate` on documents real vendors publish: their defects become one warning each, naming the file and
 * a JSON pointer, and never stop the build; a document that cannot be read stops it with one plain sentence.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

function generate(specDir: string) {
  const out = mkdtempSync(join(tmpdir(), 'generated-'));
  const result = spawnSync(process.execPath, ['scripts/generate-sandbox.ts'], {
    encoding: 'utf8',
    env: { ...process.env, OPENAPI_DIR: specDir, OPENAPI_EXTRA: '', GENERATED_DIR: out },
  });
  return { ...result, out, output: `${result.stdout}\n${result.stderr}` };
}

describe('the quirks fixture', () => {
  const run = generate('tests/fixtures/quirks');
  const warnings = run.stderr.split('\n').filter((line) => line.startsWith('Warning: '));

  test('generates every document, types included', () => {
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('Generated sandbox specs and types for: quirks, webhooks-only');
    const types = readFileSync(join(run.out, 'types', 'quirks.ts'), 'utf8');
    expect(types).toContain('listThings');
    // Reached through `#/components/schemas/Discount%2010%`, a $ref openapi-typescript alone cannot read.
    expect(types).toContain('"Discount 10%": number');
  });

  test.each([
    [
      'a repeated operationId',
      'tests/fixtures/quirks/quirks.yaml#/paths/~1things/post/operationId: operationId "listThings" is used by 2 operations (also #/paths/~1things/get)',
    ],
    [
      'operations without an operationId, once for all',
      'tests/fixtures/quirks/quirks.yaml#/paths/~1engage%23export/get: 2 operations have no operationId (this is the first)',
    ],
    [
      'a $ref to a schema the document lacks',
      'tests/fixtures/quirks/quirks.yaml#/components/schemas/Thing/properties/toggle/$ref: $ref "#/components/schemas/ToggleOverrideType" points to nothing in this document',
    ],
  ])('warns once about %s, naming the file and the JSON pointer', (_case, start) => {
    expect(warnings.filter((line) => line.startsWith(`Warning: ${start}`))).toHaveLength(1);
  });

  test('says nothing else and prints no stack trace', () => {
    expect(warnings).toHaveLength(3);
    expect(run.output).not.toMatch(/\n\s+at /);
  });
});

/** A document whose components come from ./shared/components.yaml, as the sandbox specs' do. */
const usesShared = (components: string) =>
  `openapi: 3.1.0\ninfo: { title: x, version: '1' }\npaths: {}\ncomponents:\n${components}`;
const sharedUnauthorized = (schemaRef: string) =>
  `components:\n  responses:\n    Unauthorized:\n      description: No key\n      content:\n        application/problem+json:\n          schema: { $ref: '${schemaRef}' }\n`;

describe('a document that cannot be read stops generate with one sentence naming the file and line', () => {
  test.each<[string, string, RegExp, Record<string, string>?]>([
    [
      'broken.yaml',
      'openapi: 3.1.0\ninfo:\n  title: x\n   version: 1\n',
      /broken\.yaml:3:10: Nested mappings are not allowed in compact mappings\.$/m,
    ],
    [
      'missing-file.yaml',
      usesShared(`  schemas:\n    Problem: { $ref: './shared/component.yaml#/components/schemas/Problem' }\n`),
      /missing-file\.yaml#\/components\/schemas\/Problem\/\$ref: \$ref "\.\/shared\/component\.yaml#\/components\/schemas\/Problem" names \S*shared\/component\.yaml, which does not exist\.$/m,
    ],
    [
      'missing-pointer.yaml',
      usesShared(`  schemas:\n    Problem: { $ref: './shared/components.yaml#/components/schemas/Problem' }\n`),
      /missing-pointer\.yaml#\/components\/schemas\/Problem\/\$ref: \$ref "\.\/shared\/components\.yaml#\/components\/schemas\/Problem" points to nothing: \S*shared\/components\.yaml has no \/components\/schemas\/Problem\.$/m,
      { 'shared/components.yaml': sharedUnauthorized('#/components/schemas/Problem') },
    ],
    [
      'missing-in-shared.yaml',
      usesShared(
        `  responses:\n    Unauthorized: { $ref: './shared/components.yaml#/components/responses/Unauthorized' }\n`,
      ),
      // The ref at fault is in the shared file: that file and its pointer are named.
      /shared\/components\.yaml#\/components\/responses\/Unauthorized\/content\/application~1problem\+json\/schema\/\$ref: \$ref "#\/components\/schemas\/Problem" points to nothing/,
      { 'shared/components.yaml': sharedUnauthorized('#/components/schemas/Problem') },
    ],
    [
      'broken-shared.yaml',
      usesShared(
        `  responses:\n    Unauthorized: { $ref: './shared/components.yaml#/components/responses/Unauthorized' }\n`,
      ),
      /shared\/components\.yaml:3:1: Flow sequence in block collection must be sufficiently indented/,
      { 'shared/components.yaml': 'components:\n  responses: [\n' },
    ],
    [
      'name-clash.yaml',
      // Its own Problem, and a shared response that brings the shared Problem under the same name.
      usesShared(
        `  schemas:\n    Problem: { type: string }\n  responses:\n    Unauthorized: { $ref: './shared/components.yaml#/components/responses/Unauthorized' }\n`,
      ),
      /shared\/components\.yaml#\/components\/responses\/Unauthorized\/content\/application~1problem\+json\/schema\/\$ref: \$ref "#\/components\/schemas\/Problem" brings in #\/components\/schemas\/Problem, but \S*name-clash\.yaml already has a different #\/components\/schemas\/Problem; rename one\.$/m,
      {
        'shared/components.yaml': `${sharedUnauthorized('#/components/schemas/Problem')}  schemas:\n    Problem: { type: object }\n`,
      },
    ],
    ['broken.json', '{ "openapi": "3.1.0", "info": { "title": "x", }', /broken\.json:1:\d+: /],
    ['list.yaml', '- just\n- a list\n', /list\.yaml: not an OpenAPI document/],
    [
      'untitled.yaml',
      'openapi: 3.1.0\ninfo:\n  version: "1"\npaths: {}\n',
      /untitled\.yaml#\/info\/title: the document has no title/,
    ],
    [
      'same-name.json',
      '{ "openapi": "3.1.0", "info": { "title": "x", "version": "1" }, "paths": {} }',
      /another document is already published as "same-name"/,
    ],
  ])('%s', (file, text, message, others = {}) => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-spec-'));
    writeFileSync(join(dir, file), text);
    for (const [path, content] of Object.entries(others)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    // Two files that would publish under one name (same-name.json and same-name.yaml).
    if (file === 'same-name.json')
      writeFileSync(join(dir, 'same-name.yaml'), 'openapi: 3.1.0\ninfo: { title: y, version: "1" }\n');
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const run = generate(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Cannot use a spec: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('shared components', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shared-spec-'));
  mkdirSync(join(dir, 'shared'));
  // An operation that names a shared response directly, and a component that is a shared one under its own name.
  writeFileSync(
    join(dir, 'things.yaml'),
    [
      'openapi: 3.1.0',
      "info: { title: Things, version: '1' }",
      'paths:',
      '  /things:',
      '    get:',
      '      operationId: listThings',
      '      responses:',
      "        '200': { description: OK }",
      "        '401': { $ref: '#/components/responses/Unauthorized' }",
      "        '429': { $ref: './shared/components.yaml#/components/responses/TooManyRequests' }",
      'components:',
      '  responses:',
      "    Unauthorized: { $ref: './shared/components.yaml#/components/responses/Unauthorized' }",
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'shared', 'components.yaml'),
    [
      'components:',
      '  responses:',
      '    Unauthorized:',
      '      description: No key',
      '      content:',
      "        application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } }",
      '    TooManyRequests:',
      '      description: Slow down',
      "      content: { application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } } }",
      '  schemas:',
      '    Problem:',
      '      type: object',
      "      properties: { errors: { type: array, items: { $ref: '#/components/schemas/Problem' } } }",
      '',
    ].join('\n'),
  );
  const run = generate(dir);

  test('publish the document, not the shared file, as one self-contained document', () => {
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('Generated sandbox specs and types for: things\n');
    expect(run.stderr).toBe('');
    const text = readFileSync(join(run.out, 'specs', 'things.json'), 'utf8');
    expect(text).not.toMatch(/"\$ref":"(?!#)/);
    const document = JSON.parse(text);
    // Each part keeps its name, so reference pages and their links stay where they were.
    expect(document.paths['/things'].get.responses['429']).toEqual({ $ref: '#/components/responses/TooManyRequests' });
    expect(document.components.responses.Unauthorized.description).toBe('No key');
    expect(Object.keys(document.components.schemas)).toEqual(['Problem']);
    expect(document.components.schemas.Problem.properties.errors.items).toEqual({
      $ref: '#/components/schemas/Problem',
    });
  });

  test('list the shared file among the files the document is made of, which date its reference pages', () => {
    const [source] = JSON.parse(readFileSync(join(run.out, 'sources.json'), 'utf8'));
    expect(source.bundled.map((file: string) => resolve(file))).toEqual([join(dir, 'shared', 'components.yaml')]);
  });
});

test('the sandbox specs are published self-contained', () => {
  for (const file of readdirSync('mocks/generated/specs'))
    expect(readFileSync(join('mocks/generated/specs', file), 'utf8'), file).not.toMatch(/"\$ref":"(?!#)/);
});
