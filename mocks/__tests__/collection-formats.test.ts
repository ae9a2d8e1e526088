/**
 * Swagger 2.0's `collectionFormat` says how an array parameter travels: `csv` (the default) as `a,b`, `ssv` as
 * `a b`, `tsv` as tab-separated, `pipes` as `a|b`, `multi` as repeated keys. The upgrade to OpenAPI 3.1 turns them
 * into `style` and `explode` (and `tsv`, which 3.1 cannot say, into `x-collectionFormat`); these tests send each
 * form to a document written for this (tests/fixtures/specs/sandbox-collection-formats.yaml) and check what a
 * client sees: the arrays a create stores, the items a filtered list keeps, and the 400 for a delimiter the document
 * does not use.
 */
import { describe, expect, test } from 'vitest';
import { exampleRequest } from '../core/example-request.ts';
import { listOperations } from '../core/openapi.ts';
import { createSandbox } from '../core/sandbox.ts';
import { loadSpec } from '../load-spec.ts';

const KEY = 'sk_test_collectionformats';
const document = loadSpec('tests/fixtures/specs/sandbox-collection-formats.yaml');
const base = 'http://site.test/sandbox/formats/v1';

function sandboxWith() {
  return createSandbox({ specs: { formats: document }, mount: '/sandbox/' });
}

async function call(sandbox: ReturnType<typeof sandboxWith>, path: string, form?: string) {
  const headers: Record<string, string> = { 'x-api-key': KEY };
  if (form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = (await sandbox.handle(
    new Request(`${base}${path}`, { method: form === undefined ? 'GET' : 'POST', headers, body: form ?? null }),
  ))!;
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: JSON.parse(text || 'null'),
  };
}

type Parcel = { id: number; status: string; carrier?: string; sizes?: number[]; tags?: string[]; codes?: string[] };

test('the upgrade keeps each collectionFormat as the style and explode that OpenAPI 3.1 uses', () => {
  const list = listOperations(document).find((operation) => operation.id === 'listParcels')!;
  const styles = Object.fromEntries(
    list.parameters.map((parameter) => [
      parameter.name,
      [parameter.style, parameter.explode, parameter['x-collectionFormat']].filter((part) => part !== undefined),
    ]),
  );
  expect(styles).toEqual({
    status: ['form', true], // multi
    carrier: ['form', false], // no collectionFormat: Swagger 2.0's default, csv
    sizes: ['pipeDelimited', false],
    tags: ['spaceDelimited', false],
    codes: ['tsv'],
    ids: ['form', false],
  });
  const form = (document.paths!['/parcels']!.post!.requestBody as { content: Record<string, { encoding: unknown }> })
    .content['application/x-www-form-urlencoded']!;
  expect(form.encoding).toMatchObject({
    sizes: { style: 'pipeDelimited', explode: false },
    tags: { style: 'form', explode: false },
    codes: { explode: false, 'x-collectionFormat': 'tsv' },
    notes: { style: 'form', explode: true },
  });
});

describe('a form create', () => {
  test('reads each array field by its collectionFormat: pipes, csv, tsv and repeated keys', async () => {
    const sandbox = sandboxWith();
    const created = await call(
      sandbox,
      '/parcels',
      'status=held&carrier=ups&sizes=1|2&tags=fragile,heavy&codes=A1%09B2&notes=left+at+door&notes=signed',
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'held',
      carrier: 'ups',
      sizes: [1, 2],
      tags: ['fragile', 'heavy'],
      codes: ['A1', 'B2'],
      notes: ['left at door', 'signed'],
    });
    const read = await call(sandbox, `/parcels/${created.body.id}`);
    expect(read.body).toEqual(created.body);
  });

  test('repeated keys of a csv field add up, and a multi field keeps the commas inside a value', async () => {
    const sandbox = sandboxWith();
    const created = await call(sandbox, '/parcels', 'status=sent&tags=a,b&tags=c&notes=back,+left');
    expect(created.body).toMatchObject({ tags: ['a', 'b', 'c'], notes: ['back, left'] });
  });

  test('an item that is not valid after splitting is a 422 naming its index', async () => {
    const sandbox = sandboxWith();
    const refused = await call(sandbox, '/parcels', 'status=held&sizes=1|x');
    expect(refused.status).toBe(422);
    expect(refused.contentType).toBe('application/problem+json');
    expect(refused.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/body/sizes/1']);
  });
});

describe('a list filtered by query arrays', () => {
  async function threeParcels() {
    const sandbox = sandboxWith();
    const forms = [
      'status=held&carrier=ups&sizes=1&tags=fragile&codes=A1',
      'status=sent&carrier=dhl&sizes=2&tags=heavy&codes=B2',
      'status=lost&carrier=ups&sizes=3&tags=fragile,heavy&codes=C3',
    ];
    const ids: number[] = [];
    for (const form of forms) ids.push((await call(sandbox, '/parcels', form)).body.id);
    /** The ids of the test's own parcels a list answered with (a fresh sandbox also has the documented example's). */
    const listed = async (query: string) => {
      const answer = await call(sandbox, `/parcels?${query}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return (answer.body as Parcel[]).map((parcel) => parcel.id).filter((id) => ids.includes(id));
    };
    return { sandbox, ids, listed };
  }

  test('multi takes repeated keys, csv commas, pipes bars, ssv spaces and tsv tabs; each keeps any of its values', async () => {
    const { ids, listed } = await threeParcels();
    const [held, sent, lost] = ids;
    expect(await listed('')).toEqual([lost, sent, held]);
    expect(await listed('status=held&status=sent')).toEqual([sent, held]);
    expect(await listed('carrier=ups,fedex')).toEqual([lost, held]);
    expect(await listed('sizes=1|3')).toEqual([lost, held]);
    expect(await listed('tags=heavy%20nothing')).toEqual([lost, sent]);
    expect(await listed('codes=A1%09C3')).toEqual([lost, held]);
    // Filters add up.
    expect(await listed('carrier=ups&tags=heavy')).toEqual([lost]);
  });

  test('every parcel a filtered list answers with matches the filter, the documented example included', async () => {
    const { sandbox } = await threeParcels();
    const answer = await call(sandbox, '/parcels?status=held&status=lost');
    expect(answer.body.length).toBeGreaterThanOrEqual(2);
    expect((answer.body as Parcel[]).every((parcel) => ['held', 'lost'].includes(parcel.status))).toBe(true);
  });

  test('a delimiter the document does not use stays inside the value, and the 400 points at it', async () => {
    const { sandbox } = await threeParcels();
    for (const [query, pointer] of [
      ['sizes=1,3', '/query/sizes/0'], // pipes: the comma is part of "1,3", which is no integer
      ['codes=A1,C3', '/query/codes/0'], // tsv
      ['ids=1|2', '/query/ids/0'], // csv
      ['ids=1,x', '/query/ids/1'],
    ] as const) {
      const refused = await call(sandbox, `/parcels?${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual([pointer]);
    }
  });
});

test('example requests (Try it, code samples) join an array with its own delimiter, and the sandbox takes them', async () => {
  const operation = listOperations(document).find((candidate) => candidate.id === 'printLabels')!;
  const example = exampleRequest(document, operation, KEY);
  expect(example.query.sizes).toMatch(/^\d\|\d/);
  expect(example.query.codes).toMatch(/^[A-Z]\d\t[A-Z]\d/);
  const answer = (await sandboxWith().handle(
    new Request(`${base}${example.path}?${new URLSearchParams(example.query)}`, { headers: example.headers }),
  ))!;
  expect(answer.status, await answer.clone().text()).toBe(200);
});
