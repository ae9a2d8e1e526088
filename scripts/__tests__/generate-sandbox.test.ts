/**
 * `npm run generate` on documents real vendors publish: their defects become one warning each, naming the file and
 * a JSON pointer, and never stop the build; a document that cannot be read stops it with one plain sentence.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    expect(readFileSync(join(run.out, 'types', 'quirks.ts'), 'utf8')).toContain('listThings');
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

describe('a document that cannot be read stops generate with one sentence naming the file and line', () => {
  test.each([
    [
      'broken.yaml',
      'openapi: 3.1.0\ninfo:\n  title: x\n   version: 1\n',
      /broken\.yaml:3:10: Nested mappings are not allowed in compact mappings\.$/m,
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
  ])('%s', (file, text, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-spec-'));
    writeFileSync(join(dir, file), text);
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
