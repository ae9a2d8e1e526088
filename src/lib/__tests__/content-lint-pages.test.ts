/** Page-level rules: where a page is served, how it parses, its article structure and its unique frontmatter. */
import { describe, expect, test } from 'vitest';
import {
  checkArticleStructure,
  checkUniqueFrontmatter,
  formatProblem,
  parsePage,
  routeFor,
} from '../content-lint/index.ts';
import { messages, page } from './content-lint-fixtures.ts';

describe('routeFor', () => {
  test.each([
    ['index.mdx', '/'],
    ['404.md', '/404/'],
    ['guides/webhooks.mdx', '/guides/webhooks/'],
    ['reference/index.md', '/reference/'],
    ['guides\\Payment-APIs.mdx', '/guides/payment-apis/'],
  ])('%s is served at %s', (path, route) => {
    expect(routeFor(path)).toBe(route);
  });
});

describe('parsePage', () => {
  test('reads frontmatter and finds where the body starts', () => {
    const parsed = parsePage('guides/a.mdx', '/guides/a/', "---\ntitle: A\n---\n\nimport X from './x';\n\nBody.\n");
    expect(parsed.frontmatter).toEqual({ title: 'A' });
    expect(parsed.frontmatterLine).toBe(2);
    expect(parsed.bodyLine).toBe(7);
    expect(parsed.parseProblems).toEqual([]);
  });

  test('reports invalid MDX with its line', () => {
    const parsed = parsePage('guides/a.mdx', '/guides/a/', '---\ntitle: A\n---\n\nText <https://x.y> here.\n');
    expect(parsed.parseProblems.map(formatProblem)[0]).toMatch(/^guides\/a\.mdx:5: does not parse as MDX: /);
  });
});

describe('checkArticleStructure', () => {
  const options = { minInternalLinks: 3, requireSandbox: true };
  test('a complete article passes', () => {
    const body = [
      'See [a](/guides/a/), [b](/guides/b/#x) and [c](/reference/payments/).',
      '',
      '<PaymentDiagram />',
      '',
      '<TryIt api="payments" operation="listPaymentIntents" />',
      '',
      '## Next steps',
      '',
      '- More.',
    ].join('\n');
    expect(messages(checkArticleStructure(page(body), options))).toEqual([]);
  });

  test('a bare article fails every part, and links to itself do not count', () => {
    const body = 'See [a](/guides/a/), [a again](/guides/a/) and [me](/guides/test/#x).\n\n## Next step';
    expect(messages(checkArticleStructure(page(body), options))).toEqual([
      '5: has 1 internal links to other pages (min 3)',
      '5: has no Markdown table and no diagram component (needs at least one)',
      '7: has no "## Next steps" section',
      '5: has no <TryIt> or <Walkthrough>; readers must be able to run a sandbox call here',
    ]);
  });

  test('a table counts, and diagrams are recognised by their import', () => {
    const imported = "import Flow from '../../components/diagrams/Flow.astro';\n\n<Flow />\n\n## Next steps";
    const table = '| a | b |\n| - | - |\n| c | d |\n\n## Next steps';
    const relaxed = { minInternalLinks: 0, requireSandbox: false };
    expect(checkArticleStructure(page(imported), relaxed)).toEqual([]);
    expect(checkArticleStructure(page(table), relaxed)).toEqual([]);
  });
});

describe('checkUniqueFrontmatter', () => {
  test('reports each page that shares a title, with the other page', () => {
    const a = parsePage('a.mdx', '/a/', '---\ntitle: Same\ndescription: One\n---\n');
    const b = parsePage('b.mdx', '/b/', '---\ndescription: Two\ntitle: same\n---\n');
    const c = parsePage('c.mdx', '/c/', '---\ntitle: Other\ndescription: Two\n---\n');
    expect(checkUniqueFrontmatter([a, b, c]).map(formatProblem)).toEqual([
      'a.mdx:2: title "Same" is also used by b.mdx:3',
      'b.mdx:3: title "same" is also used by a.mdx:2',
      'b.mdx:2: description "Two" is also used by c.mdx:3',
      'c.mdx:3: description "Two" is also used by b.mdx:2',
    ]);
  });
});
