/**
 * The reference model on API descriptions this project did not write: the fixtures always, and the larger real specs
 * in ../shared/specs (Twilio, Discord) when that checkout is present, found the same way as mocks' vendor-spec tests.
 */
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
