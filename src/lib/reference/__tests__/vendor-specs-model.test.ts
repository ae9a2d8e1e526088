/**
 * The reference model on API descriptions this project did not write: the fixtures always, and the larger real specs
 * in ../shared/specs (Twilio, Discord) when that checkout is present, found the same way as mocks' vendor-spec tests.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { specFiles } from '../../../../mocks/__tests__/spec-files.ts';
import { loadSpec } from '../../../../mocks/load-spec.ts';
import { TITLE_LIMIT } from '../meta';
import { apiView, pageRows, type OperationView } from '../model';
import type { SchemaRow } from '../schema-rows';

const FIXTURES = 'tests/fixtures/specs';
const QUIRKS = 'tests/fixtures/quirks';
const files = specFiles([FIXTURES, QUIRKS]);

/** Every schema row one page shows, folded rows included. */
const allRows = (rows: readonly SchemaRow[]): SchemaRow[] => rows.flatMap((row) => [row, ...allRows(row.folded ?? [])]);
const operationRows = (operation: OperationView): SchemaRow[] => allRows(pageRows(operation));
/**
 * What one page's model may weigh, serialised. The largest real page (Discord's create-message, 48 linked schemas
 * and 20 responses) is about 65 kB; a page that inlined the schema graph would be megabytes (one was 11 MB).
 */
const PAGE_MODEL_BUDGET = 150_000;
/** Marks a rendered title must not show: code ticks, links, emphasis, HTML. Underscores in words are text. */
const MARKDOWN = /`|\]\(|\*\*|(^|\s)[*_][^\s]|<[a-z]/i;
function repeated(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => seen.size === seen.add(value).size);
}

describe.each(files)('reference model for %s', (file) => {
  const document = loadSpec(file);
  const view = apiView('vendor', document);

  test('the document is upgraded to OpenAPI 3.1 and lists operations or webhooks', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(view.title).toBe(document.info.title);
    expect(view.operations.length + view.webhooks.length).toBeGreaterThan(0);
    expect(view.groups.flatMap((group) => group.operations)).toHaveLength(view.operations.length);
  });

  test('every named schema and webhook has a page with a unique, URL-safe slug', () => {
    expect(view.schemas.map((schema) => schema.name)).toEqual(Object.keys(document.components?.schemas ?? {}));
    expect(view.webhooks.map((webhook) => webhook.name)).toEqual(Object.keys(document.webhooks ?? {}));
    for (const slugs of [view.schemas.map((schema) => schema.slug), view.webhooks.map((webhook) => webhook.slug)]) {
      expect(repeated(slugs)).toEqual([]);
      expect(slugs.filter((slug) => !/^[a-z0-9-]+$/.test(slug))).toEqual([]);
    }
  });

  test(`no page model weighs more than ${PAGE_MODEL_BUDGET / 1000} kB`, () => {
    const over = [...view.operations, ...view.schemas, ...view.webhooks]
      .map((page) => [page.slug, JSON.stringify(page).length] as const)
      .filter(([, size]) => size > PAGE_MODEL_BUDGET);
    expect(over).toEqual([]);
  });

  test('titles carry no Markdown and fit a search result', () => {
    const titles = [
      ...view.operations.map((operation) => operation.title),
      ...view.schemas.map((schema) => schema.title),
      ...view.webhooks.map((webhook) => webhook.title),
    ];
    expect(titles.filter((title) => MARKDOWN.test(title))).toEqual([]);
    expect(titles.filter((title) => title.length > TITLE_LIMIT)).toEqual([]);
  });

  test('every link to a named schema reaches its page, and that page lists the linking page', () => {
    const pages = new Map(view.schemas.map((schema) => [schema.href, schema]));
    const broken: string[] = [];
    for (const operation of view.operations) {
      for (const row of operationRows(operation)) if (row.schema && !pages.has(row.link ?? '')) broken.push(row.anchor);
      for (const name of operation.schemas) {
        const schema = view.schemas.find((candidate) => candidate.name === name);
        if (!schema?.usedBy.some((user) => user.href.endsWith(`/${operation.slug}/`)))
          broken.push(`${name} does not list ${operation.slug}`);
      }
    }
    for (const schema of view.schemas)
      for (const row of allRows(schema.rows)) if (row.schema && !pages.has(row.link ?? '')) broken.push(row.anchor);
    expect(broken).toEqual([]);
  });

  test('operation slugs are unique and URL-safe', () => {
    const slugs = view.operations.map((operation) => operation.slug);
    expect(repeated(slugs)).toEqual([]);
    expect(slugs.filter((slug) => !/^[a-z0-9-]+$/.test(slug))).toEqual([]);
  });

  test('every operation has a title for its page and its link', () => {
    expect(view.operations.filter((operation) => operation.summary.trim() === '').map((o) => o.slug)).toEqual([]);
  });

  test('the anchors on each operation page are unique, and circular links stay on the page', () => {
    const clashes: string[] = [];
    const dangling: string[] = [];
    for (const operation of view.operations) {
      const rows = operationRows(operation);
      const anchors = rows.map((row) => row.anchor);
      clashes.push(...repeated(anchors).map((anchor) => `${operation.slug}: ${anchor}`));
      const onPage = new Set(anchors);
      for (const row of rows)
        if (row.circularTo && !onPage.has(row.circularTo)) dangling.push(`${operation.slug}: ${row.anchor}`);
    }
    expect(clashes).toEqual([]);
    expect(dangling).toEqual([]);
  });
});

describe('the quirks fixture', () => {
  const view = apiView('quirks', loadSpec(join(QUIRKS, 'quirks.yaml')));
  const operation = (id: string) => view.operations.find((candidate) => candidate.id === id)!;

  test('a repeated operationId and missing ones still give every operation its own stable page', () => {
    expect(view.operations.map((candidate) => [candidate.id, candidate.slug])).toEqual([
      ['listThings', 'list-things'],
      ['listThings-2', 'list-things-2'],
      ['getThing', 'get-thing'],
      ['importEngagement', 'import-engagement'],
      ['get-engage-export', 'get-engage-export'],
      ['get-search-type-user', 'get-search-type-user'],
    ]);
  });

  test('a long Markdown summary becomes a plain, shortened title, and the page keeps the whole summary', () => {
    const list = operation('listThings');
    expect(list.title).toBe('Lists every thing whose status is in_progress or done,…');
    expect(list.summary).toContain('its Thing object and the /vector_stores/ it belongs to');
    // The vendor's relative link points to the vendor's docs (the document's externalDocs), not to a page of ours.
    expect(list.lead).toContain('[Thing](https://quirks.example/docs/api-reference/things)');
    expect(operation('listThings-2')).toMatchObject({ title: 'Create a thing', lead: 'Create a _thing_' });
    expect(operation('getThing').lead).toBeUndefined();
  });

  test('path keys with # or ? are shown and called at their real path', () => {
    expect(operation('importEngagement')).toMatchObject({ path: '/engage', pathKey: '/engage#import' });
    const search = operation('get-search-type-user');
    expect(search).toMatchObject({ path: '/search', pathKey: '/search?type=user' });
    expect(search.samples.find((sample) => sample.label === 'curl')?.code).toContain('/search?type=user');
    expect(search.samples.map((sample) => sample.code).join('\n')).not.toContain('#');
  });

  test('server variables take their defaults; a relative server stays relative', () => {
    expect(view.servers.map((server) => server.url)).toEqual(['/v2', 'https://eu.quirks.example/v2']);
  });

  test('the sandbox serves the API under its name plus its first server’s path, and the samples call it there', () => {
    expect(view.sandbox).toEqual({
      root: 'quirks/v2',
      browser: '/sandbox/quirks/v2',
      local: 'http://localhost:4010/quirks/v2',
    });
    const curl = operation('getThing').samples.find((sample) => sample.label === 'curl')!.code;
    expect(curl).toContain('curl http://localhost:4010/quirks/v2/things/');
  });

  test('a $ref to a schema the document lacks is a named row marked missing', () => {
    const thing = view.schemas.find((schema) => schema.name === 'Thing')!;
    expect(thing.rows.find((row) => row.path === 'toggle')).toMatchObject({
      type: 'ToggleOverrideType',
      missing: 'ToggleOverrideType',
      description: 'Vendors sometimes refer to a schema they forgot to publish.',
    });
  });

  test('the discriminated oneOf lists each variant by its value and links its page', () => {
    const thing = view.schemas.find((schema) => schema.name === 'Thing')!;
    expect(thing.rows.filter((row) => row.variant).map((row) => [row.variant, row.link])).toEqual([
      ['When kind is "card"', '/reference/quirks/schemas/card-source/'],
      ['When kind is "bank"', '/reference/quirks/schemas/bank-source/'],
    ]);
    expect(thing.usedBy.map((user) => user.href)).toEqual([
      '/reference/quirks/list-things/',
      '/reference/quirks/list-things-2/',
      '/reference/quirks/get-thing/',
      '/reference/quirks/webhooks/thing-created/',
    ]);
  });

  test('inline objects below the shown depth fold under their row', () => {
    const thing = view.schemas.find((schema) => schema.name === 'Thing')!;
    const theme = thing.rows.find((row) => row.path === 'settings.display.theme');
    expect(theme?.folded?.map((row) => row.path)).toEqual([
      'settings.display.theme.colors',
      'settings.display.theme.colors.accent',
      'settings.display.theme.colors.background',
    ]);
  });

  test('a webhooks-only document gets an overview and a page per webhook', () => {
    const hooks = apiView('hooks', loadSpec(join(QUIRKS, 'webhooks-only.yaml')));
    expect(hooks.operations).toEqual([]);
    expect(hooks.webhooks.map((webhook) => [webhook.slug, webhook.title])).toEqual([
      ['order-shipped', 'orderShipped: An order was shipped'],
    ]);
    expect(hooks.webhooks[0]!.request.requestBody?.bodies[0]?.rows.map((row) => row.path)).toEqual([
      'order_id',
      'shipped_at',
    ]);
  });
});

test('callbacks are shown with the operation that sends them (tictactoe: statusCallback)', () => {
  const view = apiView('tictactoe', loadSpec(join(FIXTURES, 'oai-tictactoe.yaml')));
  const withCallbacks = view.operations.filter((operation) => operation.callbacks.length > 0);
  expect(withCallbacks.map((operation) => operation.id)).toEqual(['put-square']);
  const [callback] = withCallbacks[0]!.callbacks;
  expect(callback).toMatchObject({
    name: 'statusCallback',
    anchor: 'callback-status-callback',
    expression: '{$request.header.progressUrl}',
    method: 'POST',
    summary: 'Status of mark operation',
  });
  expect(callback!.requestBody?.bodies[0]?.rows.map((row) => row.path)).toEqual(
    expect.arrayContaining(['winner', 'board']),
  );
  expect(callback!.responses.map((response) => [response.status, response.description])).toEqual([
    ['200', 'Mark operation status received'],
  ]);
});

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
