/** The reference model on the odd corners of the quirks and tictactoe fixtures, page by page. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../../../../mocks/load-spec.ts';
import { apiView } from '../model';

const FIXTURES = 'tests/fixtures/specs';
const QUIRKS = 'tests/fixtures/quirks';

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

  test('a hand-written $ref with a % that starts no escape links to the schema it names', () => {
    const thing = view.schemas.find((schema) => schema.name === 'Thing')!;
    const row = thing.rows.find((candidate) => candidate.path === 'discount');
    // A named scalar reads as its type, with a link to its page.
    expect([row?.type, row?.schema, row?.missing]).toEqual(['integer', 'Discount 10%', undefined]);
    expect(view.schemas.map((schema) => schema.name)).toContain('Discount 10%');
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
