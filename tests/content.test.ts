/**
 * Content quality checks for every page in src/content/docs/, read straight from the filesystem (no Astro build),
 * so articles being written right now are checked as they land. One `describe` per file and one `test` per rule; each
 * test collects every problem of its rule and prints them as `file:line: message`.
 *
 * The rules live in src/lib/content-lint/. The last block runs them on deliberately bad fixtures in
 * tests/fixtures/content/ to prove each one fails when it should.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../mocks/load-spec.ts';
import {
  anchorsOf,
  checkArticleStructure,
  checkDiagram,
  checkHeadings,
  checkImages,
  checkLinks,
  checkParagraphs,
  checkSandboxReferences,
  checkUniqueFrontmatter,
  checkWordCount,
  formatProblem,
  indexSpec,
  parsePage,
  routeFor,
  type Page,
  type Problem,
  type Site,
} from '../src/lib/content-lint/index.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const MIN_WORDS = 700;
const MAX_SENTENCES = 4;
const MIN_INTERNAL_LINKS = 3;
/** Short by design: a reference list. */
const WORD_COUNT_EXEMPT = new Set(['glossary.mdx']);
/** Category and walkthrough articles: each must let readers run at least one sandbox call. */
const NEEDS_SANDBOX = new Set([
  'payment-apis',
  'social-media-apis',
  'messaging-apis',
  'analytics-apis',
  'storage-and-database-apis',
  'ai-apis',
  'api-security',
  'webhooks',
  'what-is-an-api',
  'ride-hailing-walkthrough',
  'getting-started-with-the-sandbox',
  'maps-and-location-apis',
  'observability',
  'errors-timeouts-and-retries',
  'pagination',
  'api-versioning-and-deprecation',
  'real-time-apis',
  'cors-and-calling-apis-from-the-browser',
  'testing-an-integration',
]);

interface Content {
  pages: Page[];
  site: Site;
  diagrams: { file: string; source: string }[];
}

const listFiles = (dir: string): string[] =>
  existsSync(dir) ? (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).sort() : [];

/** Read a site rooted at `root`: its docs pages, its sandbox specs, its public files and its diagram components. */
function loadContent(root: string): Content {
  const docsDir = join(root, 'src/content/docs');
  const pages = listFiles(docsDir)
    .filter((path) => /\.mdx?$/.test(path))
    .map((path) => {
      const absolute = join(docsDir, path);
      return parsePage(relative(repoRoot, absolute), routeFor(path), readFileSync(absolute, 'utf8'));
    });
  const specs = new Map(
    listFiles(join(root, 'openapi'))
      .filter((path) => /^[^/\\]+\.(ya?ml|json)$/.test(path))
      .map((path) => {
        // Read as the site reads it, with the shared components (openapi/shared/) bundled in.
        const document = loadSpec(join(root, 'openapi', path));
        return [path.replace(/\.(ya?ml|json)$/, ''), indexSpec(`openapi/${path}`, document)] as const;
      }),
  );
  // Pages built from src/pages/ rather than from content, such as the playground, with the ids a link may point at.
  const pagesDir = join(root, 'src/pages');
  const builtPages = listFiles(pagesDir)
    .filter((path) => /(^|[/\\])index\.astro$/.test(path) && !path.includes('['))
    .map((path) => {
      const source = readFileSync(join(pagesDir, path), 'utf8');
      const ids = [...source.matchAll(/\b(?:id="|slug: ')([\w-]+)["']/g)].map((match) => match[1] ?? '');
      return [
        routeFor(path.replace(/\.astro$/, '.md')),
        { file: relative(repoRoot, join(pagesDir, path)), anchors: new Set(['_top', ...ids]) },
      ] as const;
    });
  const site: Site = {
    pages: new Map([
      ...builtPages,
      ...pages.map((page) => [page.route, { file: page.file, anchors: anchorsOf(page) }] as const),
    ]),
    specs,
    staticFiles: new Set(listFiles(join(root, 'public')).map((path) => `/${path.replace(/\\/g, '/')}`)),
  };
  const diagramsDir = join(root, 'src/components/diagrams');
  const diagrams = listFiles(diagramsDir)
    .filter((path) => path.endsWith('.astro'))
    .map((path) => ({
      file: relative(repoRoot, join(diagramsDir, path)),
      source: readFileSync(join(diagramsDir, path), 'utf8'),
    }));
  return { pages, site, diagrams };
}

const lines = (problems: Problem[]): string[] => problems.map(formatProblem);

/** Assert no problems, printing every one of them as `file:line: message`. */
function expectNone(problems: Problem[]): void {
  const found = lines(problems);
  expect(found, `\n${found.join('\n')}\n`).toEqual([]);
}

const isArticle = (page: Page): boolean => page.route.startsWith('/guides/');
const slugOf = (page: Page): string => basename(page.file).replace(/\.mdx?$/, '');

const { pages, site, diagrams } = loadContent(repoRoot);
const duplicates = checkUniqueFrontmatter(pages);

test('finds the articles', () => {
  expect(pages.filter(isArticle).length).toBeGreaterThan(0);
  expect(site.specs.size).toBeGreaterThan(0);
});

for (const page of pages) {
  describe(page.file, () => {
    test('parses', () => expectNone(page.parseProblems));

    if (isArticle(page)) {
      test.skipIf(WORD_COUNT_EXEMPT.has(basename(page.file)))(`has at least ${MIN_WORDS} words of prose`, () =>
        expectNone(checkWordCount(page, MIN_WORDS)),
      );

      test(`no paragraph has more than ${MAX_SENTENCES} sentences`, () =>
        expectNone(checkParagraphs(page, MAX_SENTENCES)));

      test('has internal links, a table or diagram, a "## Next steps" section and, if required, a sandbox call', () =>
        expectNone(
          checkArticleStructure(page, {
            minInternalLinks: MIN_INTERNAL_LINKS,
            requireSandbox: NEEDS_SANDBOX.has(slugOf(page)),
          }),
        ));
    }

    test('headings start at ## and never skip a level', () => expectNone(checkHeadings(page)));

    test('internal links resolve, and links out are https with descriptive text', () =>
      expectNone(checkLinks(page, site)));

    test('images have alt text', () => expectNone(checkImages(page)));

    test('TryIt and Walkthrough steps name real sandbox operations', () =>
      expectNone(checkSandboxReferences(page, site)));

    test('title and description are unique across pages', () =>
      expectNone(duplicates.filter((problem) => problem.file === page.file)));
  });
}

describe('the house style guide promises what these tests enforce', () => {
  const guide = pages.find((page) => page.route === '/guides/writing-about-apis-seo/');
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  test.each([
    `at least ${MIN_WORDS} words of prose`,
    `${words[MAX_SENTENCES]} sentences at most`,
    `at least ${words[MIN_INTERNAL_LINKS]} links to other pages`,
  ])('writing-about-apis-seo.mdx says "%s"', (promise) => {
    expect(guide?.source.replace(/\s+/g, ' ')).toContain(promise);
  });
});

describe('diagram components (src/components/diagrams)', () => {
  test('there are diagrams to check', () => expect(diagrams.length).toBeGreaterThan(0));
  for (const diagram of diagrams) {
    test(`${basename(diagram.file)}: <svg role="img"> labelled by a <title> and a <desc>, with a <figcaption>, or a <Diagram> given all three`, () =>
      expectNone(checkDiagram(diagram.file, diagram.source)));
  }
});

describe('the content lint fails on bad fixtures (tests/fixtures/content)', () => {
  const fixtureRoot = join(repoRoot, 'tests/fixtures/content');
  const fixtures = loadContent(fixtureRoot);
  const dir = 'tests/fixtures/content/src/content/docs/guides';
  const fixture = (name: string): Page => {
    const page = fixtures.pages.find((candidate) => candidate.file === `${dir}/${name}`);
    if (!page) throw new Error(`missing fixture ${dir}/${name}`);
    return page;
  };

  test('a clean article passes every rule (with a word minimum of 50)', () => {
    const page = fixture('clean.mdx');
    expectNone([
      ...page.parseProblems,
      ...checkWordCount(page, 50),
      ...checkParagraphs(page, MAX_SENTENCES),
      ...checkArticleStructure(page, { minInternalLinks: MIN_INTERNAL_LINKS, requireSandbox: true }),
      ...checkHeadings(page),
      ...checkLinks(page, fixtures.site),
      ...checkImages(page),
      ...checkSandboxReferences(page, fixtures.site),
      ...checkUniqueFrontmatter(fixtures.pages).filter((problem) => problem.file === page.file),
    ]);
  });

  test('rule 1: too few words', () => {
    expect(lines(checkWordCount(fixture('clean.mdx'), MIN_WORDS))).toEqual([
      `${dir}/clean.mdx:9: body has 93 words of prose (min 700)`,
    ]);
  });

  test('rule 2: a paragraph of five sentences', () => {
    expect(lines(checkParagraphs(fixture('long-paragraph.mdx'), MAX_SENTENCES))).toEqual([
      `${dir}/long-paragraph.mdx:9: paragraph has 5 sentences (max 4)`,
    ]);
  });

  test('rule 3: an h1 in the body and a skipped heading level', () => {
    expect(lines(checkHeadings(fixture('skipped-heading.mdx')))).toEqual([
      `${dir}/skipped-heading.mdx:10: heading "Too deep" is an h4 right after an h2; levels must not skip (use ###)`,
      `${dir}/skipped-heading.mdx:14: heading "A second title" is an h1; the page title is the only h1, so sections start at ##`,
    ]);
  });

  test('rule 4: broken, insecure, bare and relative links', () => {
    expect(lines(checkLinks(fixture('broken-link.mdx'), fixtures.site))).toEqual([
      `${dir}/broken-link.mdx:8: broken link to /guides/does-not-exist/: there is no page /guides/does-not-exist/ (no src/content/docs/guides/does-not-exist.md or .mdx)`,
      `${dir}/broken-link.mdx:10: broken link to /guides/clean/#no-such-heading: ${dir}/clean.mdx has no heading or id "no-such-heading"`,
      `${dir}/broken-link.mdx:12: broken link to /reference/payments/charge-card/: openapi/payments.yaml has no operation whose reference slug is "charge-card"`,
      `${dir}/broken-link.mdx:12: broken link to /reference/payments/createPaymentIntent/: the reference page for createPaymentIntent is /reference/payments/create-payment-intent/ (its slug, not its operationId)`,
      `${dir}/broken-link.mdx:15: insecure link to http://example.com/; link to the https:// address`,
      `${dir}/broken-link.mdx:15: bare link to https://example.com/bare; write [what it is](https://example.com/bare) instead, or wrap the address in backticks`,
      `${dir}/broken-link.mdx:15: link to mailto:ada@example.com; links out go to web pages, with https:// addresses, not to mailto: addresses (a bare address becomes a link; wrap it in backticks)`,
      `${dir}/broken-link.mdx:17: relative link to ../clean/; write links to site pages from the root, such as /guides/<slug>/`,
      `${dir}/broken-link.mdx:21: broken link to /guides/missing-too/: there is no page /guides/missing-too/ (no src/content/docs/guides/missing-too.md or .mdx)`,
    ]);
  });

  test('rule 5: images without alt text', () => {
    expect(lines(checkImages(fixture('missing-alt.mdx')))).toEqual([
      `${dir}/missing-alt.mdx:8: image /images/flow.png has no alt text; write ![what it shows](/images/flow.png)`,
      `${dir}/missing-alt.mdx:10: <img src="/images/keys.png"> has no alt attribute`,
    ]);
  });

  test('rule 5: a diagram without role, description or caption', () => {
    const bad = fixtures.diagrams.find((diagram) => diagram.file.endsWith('BadDiagram.astro'));
    const good = fixtures.diagrams.find((diagram) => diagram.file.endsWith('GoodDiagram.astro'));
    expect(bad && good).toBeTruthy();
    expect(lines(checkDiagram(good!.file, good!.source))).toEqual([]);
    const file = 'tests/fixtures/content/src/components/diagrams/BadDiagram.astro';
    expect(lines(checkDiagram(bad!.file, bad!.source))).toEqual([
      `${file}:6: <svg> needs role="img"`,
      `${file}:6: <svg> has no <desc>`,
      `${file}:6: diagram has no <figcaption>`,
    ]);
  });

  test('rule 6: TryIt and Walkthrough steps with unknown APIs, operations and examples', () => {
    expect(lines(checkSandboxReferences(fixture('unknown-operation.mdx'), fixtures.site))).toEqual([
      `${dir}/unknown-operation.mdx:10: <TryIt api="payments" operation="chargeCard">: openapi/payments.yaml has no operationId "chargeCard"`,
      `${dir}/unknown-operation.mdx:12: <TryIt api="weather" operation="getForecast">: there is no sandbox API "weather" (known: payments)`,
      `${dir}/unknown-operation.mdx:14: <TryIt api="payments" operation="createPaymentIntent">: createPaymentIntent has no request-body example "manual" (its examples: automatic)`,
      `${dir}/unknown-operation.mdx:23: <Walkthrough> step 2 ("Refund it"): openapi/payments.yaml has no operationId "refundPayment"`,
    ]);
  });

  test('rule 7: an article without enough links, a table, next steps or a sandbox call', () => {
    expect(
      lines(
        checkArticleStructure(fixture('long-paragraph.mdx'), {
          minInternalLinks: MIN_INTERNAL_LINKS,
          requireSandbox: true,
        }),
      ),
    ).toEqual([
      `${dir}/long-paragraph.mdx:6: has 1 internal links to other pages (min 3)`,
      `${dir}/long-paragraph.mdx:6: has no Markdown table and no diagram component (needs at least one)`,
      `${dir}/long-paragraph.mdx:12: has no "## Next steps" section`,
      `${dir}/long-paragraph.mdx:6: has no <TryIt> or <Walkthrough>; readers must be able to run a sandbox call here`,
    ]);
  });

  test('rule 8: a title used twice', () => {
    expect(lines(checkUniqueFrontmatter(fixtures.pages))).toEqual([
      `${dir}/missing-alt.mdx:2: title "Images without alt text" is also used by ${dir}/skipped-heading.mdx:2`,
      `${dir}/skipped-heading.mdx:2: title "Images without alt text" is also used by ${dir}/missing-alt.mdx:2`,
    ]);
  });
});
