import { describe, expect, test } from 'vitest';
import type { OpenApiDocument } from '../../../mocks/core/openapi.ts';
import {
  anchorsOf,
  checkArticleStructure,
  checkDiagram,
  checkHeadings,
  checkImages,
  checkLinkTarget,
  checkParagraphs,
  checkSandboxReferences,
  checkUniqueFrontmatter,
  countSentences,
  countWords,
  formatProblem,
  indexSpec,
  parseAttributes,
  parsePage,
  proseWordCount,
  routeFor,
  splitSentences,
  walkthroughSteps,
  type Site,
} from '../content-lint/index.ts';

/** A page from a body, after a two-line frontmatter block, so the body starts on line 5. */
const page = (body: string, file = 'guides/test.mdx', title = 'Test') =>
  parsePage(file, routeFor(file.replace(/^guides\//, 'guides/')), `---\ntitle: ${title}\n---\n\n${body}`);

const messages = (problems: { line: number; message: string }[]) => problems.map((p) => `${p.line}: ${p.message}`);

describe('countSentences', () => {
  test.each([
    ['One sentence.', 1],
    ['One. Two. Three.', 3],
    ['Is it? Yes! Good.', 3],
    ['No final mark at all', 1],
    ['', 0],
    ['Use a key, e.g. sk_test_abc. Then send it.', 2],
    ['That is, i.e. the key, what you send. Then wait.', 2],
    ['Compare REST vs. GraphQL. They differ.', 2],
    ['Amounts such as 19.99 or 0.5 stay whole. Right.', 2],
    ['Version 1.2.3 shipped. Then 2.0.1 followed.', 2],
    ['Wait for it... Then it arrives.', 1],
    ['The list goes on, etc. and on. Then it ends.', 2],
    ['Visit https://example.com/a.b?c=d. Then come back.', 2],
    ['Open example.com in a browser. It loads.', 2],
    ['She said "Is it paid?" and waited. Then she checked.', 2],
    ['It said "Thank you." Then it closed.', 2],
    ['Read ticket No. 5 first. Then the rest.', 2],
    ['Call Code first. Code then answers.', 2],
  ])('%j has %i', (text, count) => {
    expect(countSentences(text)).toBe(count);
  });

  test('splits at the right places', () => {
    expect(splitSentences('Send it, e.g. now. Did it work? Yes!')).toEqual([
      'Send it, e.g. now.',
      'Did it work?',
      'Yes!',
    ]);
  });
});

describe('countWords', () => {
  test.each([
    ['one two three', 3],
    ['  spaced\n\nout  words ', 3],
    ['ride-hailing APIs', 2],
    ['costs $25.00 — twice', 3],
    ['see https://example.com/path for more', 3],
    ['— … !', 0],
  ])('%j has %i words', (text, count) => {
    expect(countWords(text)).toBe(count);
  });
});

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

describe('proseWordCount', () => {
  test.each([
    ['plain paragraph', 'one two three', 3],
    ['inline code is left out', 'call `res.json()` now', 2],
    ['link text counts, its URL does not', 'read [the guide](/guides/x/) now', 4],
    ['bare URLs are left out', 'see https://example.com/a now', 2],
    ['headings are left out', '## Big heading\n\none two', 2],
    ['code fences are left out', '```js\nconst a = 1;\n```\n\none', 1],
    ['tables are left out', '| a | b |\n| - | - |\n| c | d |\n\none', 1],
    ['lists count', '- one two\n- three', 3],
    ['component props are left out, children count', '<Card title="four words in title">two words</Card>', 2],
    ['self-closing components are left out', '<TryIt api="payments" operation="listCustomers" />\n\none', 1],
    ['imports and exports are left out', "import X from './x';\nexport const y = 1;\n\none", 1],
  ])('%s', (_name, body, count) => {
    expect(proseWordCount(page(body))).toBe(count);
  });
});

describe('checkParagraphs', () => {
  test.each([
    ['four sentences pass', 'One. Two. Three. Four.', []],
    ['five sentences fail', 'Intro.\n\nOne. Two. Three. Four. Five.', ['7: paragraph has 5 sentences (max 4)']],
    ['a list is not a paragraph', '- One. Two. Three. Four. Five.', []],
    ['a component is not a paragraph', '<Aside>\n\nOne. Two. Three. Four. Five.\n\n</Aside>', []],
    ['a block quote is prose', '> One. Two. Three. Four. Five.', ['5: paragraph has 5 sentences (max 4)']],
    ['dots in inline code do not split', 'Call `a.b. c.d. e.f.` now. Two. Three. Four.', []],
  ])('%s', (_name, body, expected) => {
    expect(messages(checkParagraphs(page(body), 4))).toEqual(expected);
  });
});

describe('checkHeadings', () => {
  test.each([
    ['h2 then h3 passes', '## A\n\n### B\n\n## C\n\n### D\n\n#### E', []],
    ['going back up any number of levels passes', '## A\n\n### B\n\n#### C\n\n## D', []],
    ['an h1 fails', '# Title', ['5: heading "Title" is an h1; the page title is the only h1, so sections start at ##']],
    [
      'starting at h3 fails',
      '### Deep',
      ['5: heading "Deep" is the first heading but is an h3; the body must start at ## (h2)'],
    ],
    [
      'a skipped level fails',
      '## A\n\n#### B',
      ['7: heading "B" is an h4 right after an h2; levels must not skip (use ###)'],
    ],
    [
      'JSX headings count',
      '## A\n\n<h4 id="x">B</h4>',
      ['7: heading "B" is an h4 right after an h2; levels must not skip (use ###)'],
    ],
  ])('%s', (_name, body, expected) => {
    expect(messages(checkHeadings(page(body)))).toEqual(expected);
  });
});

describe('anchorsOf', () => {
  test('slugs headings like the site does, and adds explicit ids', () => {
    const anchors = anchorsOf(
      page('## What is an API?\n\n## Send `Idempotency-Key` headers\n\n## What is an API?\n\n<div id="custom" />'),
    );
    expect([...anchors].sort()).toEqual(
      ['_top', 'custom', 'send-idempotency-key-headers', 'what-is-an-api', 'what-is-an-api-1'].sort(),
    );
  });
});

const spec = {
  openapi: '3.1.0',
  info: { title: 'Payments', version: '1' },
  paths: {
    '/payment_intents': {
      post: {
        operationId: 'createPaymentIntent',
        requestBody: { $ref: '#/components/requestBodies/Intent' },
        responses: {},
      },
      get: { operationId: 'listPaymentIntents', responses: {} },
    },
  },
  components: {
    requestBodies: {
      Intent: {
        content: {
          'application/x-www-form-urlencoded': { examples: { form: { value: {} } } },
          'application/json': { examples: { automatic: { value: {} }, manual: { value: {} } } },
        },
      },
    },
  },
} as unknown as OpenApiDocument;

const target = page('## Card payments\n\n<span id="fees" />', 'guides/payments.mdx');
const site: Site = {
  pages: new Map([
    ['/', { file: 'index.mdx', anchors: new Set(['_top']) }],
    ['/guides/payments/', { file: 'guides/payments.mdx', anchors: anchorsOf(target) }],
    ['/playground/', { file: 'src/pages/playground/index.astro', anchors: new Set(['_top', 'event-inbox']) }],
  ]),
  specs: new Map([['payments', indexSpec('openapi/payments.yaml', spec)]]),
  staticFiles: new Set(['/favicon.svg']),
};

describe('indexSpec', () => {
  test('lists operations, their JSON request examples and their reference slugs', () => {
    const index = indexSpec('openapi/payments.yaml', spec);
    expect(Object.fromEntries(index.operations)).toEqual({
      createPaymentIntent: ['automatic', 'manual'],
      listPaymentIntents: [],
    });
    expect(index.slugs.get('createPaymentIntent')).toBe('create-payment-intent');
  });
});

describe('checkLinkTarget', () => {
  const here = page('## Local heading', 'guides/here.mdx');
  test.each([
    ['/', undefined],
    ['/guides/payments/', undefined],
    ['/guides/payments', undefined],
    ['/guides/payments/#card-payments', undefined],
    ['/guides/payments/#fees', undefined],
    ['/guides/payments/#_top', undefined],
    ['#local-heading', undefined],
    ['/favicon.svg', undefined],
    ['/reference/', undefined],
    ['/reference/payments/', undefined],
    ['/reference/payments/create-payment-intent/', undefined],
    ['/reference/payments/explorer/', undefined],
    ['/playground/#event-inbox', undefined],
    ['/playground/#operation=payments/createPaymentIntent', undefined],
    [
      '/playground/#operation=payments/chargeCard',
      'broken link to /playground/#operation=payments/chargeCard: openapi/payments.yaml has no operationId "chargeCard"',
    ],
    [
      '/playground/#operation=weather/getForecast',
      'broken link to /playground/#operation=weather/getForecast: there is no API "weather" (no openapi/weather.yaml)',
    ],
    [
      '/reference/weather/explorer/',
      'broken link to /reference/weather/explorer/: there is no API "weather" (no openapi/weather.yaml)',
    ],
    [
      '/guides/nope/',
      'broken link to /guides/nope/: there is no page /guides/nope/ (no src/content/docs/guides/nope.md or .mdx)',
    ],
    [
      '/guides/payments/#nope',
      'broken link to /guides/payments/#nope: guides/payments.mdx has no heading or id "nope"',
    ],
    ['#nope', 'link to #nope: this page has no heading or id "nope"'],
    ['/reference/weather/', 'broken link to /reference/weather/: there is no API "weather" (no openapi/weather.yaml)'],
    [
      '/reference/payments/refund/',
      'broken link to /reference/payments/refund/: openapi/payments.yaml has no operation whose reference slug is "refund"',
    ],
    [
      '/reference/payments/createPaymentIntent/',
      'broken link to /reference/payments/createPaymentIntent/: the reference page for createPaymentIntent is /reference/payments/create-payment-intent/ (its slug, not its operationId)',
    ],
    ['https://www.rfc-editor.org/rfc/rfc9110#name-if-match', undefined],
    ['http://stripe.com/docs', 'insecure link to http://stripe.com/docs; link to the https:// address'],
    ['//cdn.example.com/x.js', 'protocol-relative link to //cdn.example.com/x.js; write the full https:// address'],
    [
      'mailto:a@b.c',
      'link to mailto:a@b.c; links out go to web pages, with https:// addresses, not to mailto: addresses',
    ],
    ['payments/', 'relative link to payments/; write links to site pages from the root, such as /guides/<slug>/'],
  ])('%s', (url, expected) => {
    expect(checkLinkTarget(url, here, site)).toBe(expected);
  });
});

describe('checkImages', () => {
  test.each([
    ['Markdown image with alt passes', '![A diagram](/a.png)', []],
    [
      'Markdown image without alt fails',
      '![](/a.png)',
      ['5: image /a.png has no alt text; write ![what it shows](/a.png)'],
    ],
    ['img with alt passes', '<img src="/a.png" alt="A diagram" />', []],
    ['img without alt fails', '<img src="/a.png" />', ['5: <img src="/a.png"> has no alt attribute']],
    [
      'img with empty alt fails',
      '<img src="/a.png" alt="" />',
      ['5: <img src="/a.png"> has an empty alt; describe the image'],
    ],
    ['decorative img with empty alt passes', '<img src="/a.png" alt="" aria-hidden="true" />', []],
  ])('%s', (_name, body, expected) => {
    expect(messages(checkImages(page(body)))).toEqual(expected);
  });
});

describe('checkSandboxReferences', () => {
  test.each([
    ['a real operation passes', '<TryIt api="payments" operation="createPaymentIntent" />', []],
    ['a real example passes', '<TryIt api="payments" operation="createPaymentIntent" example="manual" />', []],
    [
      'an unknown API fails',
      '<TryIt api="maps" operation="geocode" />',
      ['5: <TryIt api="maps" operation="geocode">: there is no sandbox API "maps" (known: payments)'],
    ],
    [
      'an unknown operation fails on its own line',
      '<TryIt\n  api="payments"\n  operation="chargeCard"\n/>',
      ['7: <TryIt api="payments" operation="chargeCard">: openapi/payments.yaml has no operationId "chargeCard"'],
    ],
    [
      'an example of another media type fails',
      '<TryIt api="payments" operation="createPaymentIntent" example="form" />',
      [
        '5: <TryIt api="payments" operation="createPaymentIntent">: createPaymentIntent has no request-body example "form" (its examples: automatic, manual)',
      ],
    ],
    [
      'a missing operation fails',
      '<TryIt api="payments" />',
      ['5: <TryIt api="payments" operation="?">: needs both api and operation'],
    ],
    [
      'Walkthrough steps are checked one by one',
      "<Walkthrough\n  title=\"t\"\n  steps={[\n    { title: 'A', api: 'payments', operation: 'listPaymentIntents' },\n    {\n      title: 'B',\n      api: 'payments',\n      operation: 'nope',\n    },\n  ]}\n/>",
      ['12: <Walkthrough> step 2 ("B"): openapi/payments.yaml has no operationId "nope"'],
    ],
    [
      'Walkthrough steps must be an inline array',
      '<Walkthrough title="t" steps={rideSteps} />',
      ['5: <Walkthrough> steps must be an inline array of step objects so they can be checked'],
    ],
  ])('%s', (_name, body, expected) => {
    expect(messages(checkSandboxReferences(page(body), site))).toEqual(expected);
  });
});

describe('walkthroughSteps', () => {
  test('reads api and operation with their lines', () => {
    expect(
      walkthroughSteps("[\n  { api: 'a', operation: 'b' },\n  { title: 'T', api: x, operation: 'c' },\n]"),
    ).toEqual([
      { index: 0, apiLine: 1, operationLine: 1, title: undefined, api: 'a', operation: 'b' },
      { index: 1, apiLine: 2, operationLine: 2, title: 'T', api: null, operation: 'c' },
    ]);
    expect(walkthroughSteps('steps')).toBeUndefined();
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

describe('parseAttributes', () => {
  test.each([
    ['role="img" hidden', { role: 'img', hidden: '' }],
    ["id='x' data-a=b", { id: 'x', 'data-a': 'b' }],
    ['aria-labelledby={`${a} ${b}`}', { 'aria-labelledby': '${a} ${b}' }],
    ['id={titleId}', { id: '${titleId}' }],
    ['id={"literal"}', { id: 'literal' }],
    ['viewBox={`0 0 ${w + 1} 10`} role="img"', { viewBox: '0 0 ${w + 1} 10', role: 'img' }],
    ['{title} id="x" { caption }', { title: '${title}', id: 'x', caption: '${caption}' }],
    ['{...rest} role="img"', { role: 'img' }],
  ])('%s', (text, expected) => {
    expect(Object.fromEntries(parseAttributes(text))).toEqual(expected);
  });
});

describe('checkDiagram', () => {
  const diagram = (svg: string, caption = '<figcaption>Caption</figcaption>') =>
    `---\nconst id = 'd';\n---\n\n<figure>\n${svg}\n${caption}\n</figure>\n`;
  const good =
    '<svg role="img" aria-labelledby={`${id}-t ${id}-d`}>\n<title id={`${id}-t`}>T</title>\n<desc id={`${id}-d`}>D</desc>\n</svg>';
  const framed =
    "---\nimport Diagram from './Diagram.astro';\nconst caption = 'C';\n---\n\n" +
    '<Diagram idPrefix="d" title="T" description={description} caption={caption} viewBox="0 0 10 10">\n' +
    '<rect width="10" height="10" />\n</Diagram>\n';
  test.each([
    ['an accessible diagram passes', diagram(good), []],
    [
      'plain string ids pass',
      diagram('<svg role="img" aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc></svg>'),
      [],
    ],
    ['a component without an svg passes', '<p>No drawing here</p>', []],
    ['a missing role fails', diagram(good.replace(' role="img"', '')), ['6: <svg> needs role="img"']],
    [
      'a missing aria-labelledby fails',
      diagram(good.replace(' aria-labelledby={`${id}-t ${id}-d`}', '')),
      ['6: <svg> needs aria-labelledby naming its <title> and <desc>'],
    ],
    [
      'a desc that is not referenced fails',
      diagram(good.replace('${id}-t ${id}-d', '${id}-t')),
      ['6: aria-labelledby does not reference the <desc> (id ${id}-d)'],
    ],
    ['a missing desc fails', diagram(good.replace('<desc id={`${id}-d`}>D</desc>', '')), ['6: <svg> has no <desc>']],
    ['a missing caption fails', diagram(good, ''), ['6: diagram has no <figcaption>']],
    ['a drawing inside <Diagram> with all its texts passes', framed, []],
    [
      'shorthand texts pass',
      framed.replace('title="T" description={description} caption={caption}', '{title} {description} {caption}'),
      [],
    ],
    [
      'a <Diagram> without a caption fails',
      framed.replace(' caption={caption}', ''),
      ['6: <Diagram> needs a non-empty caption'],
    ],
    [
      'a <Diagram> with an empty title fails',
      framed.replace('title="T"', 'title=" "'),
      ['6: <Diagram> needs a non-empty title'],
    ],
  ])('%s', (_name, source, expected) => {
    expect(messages(checkDiagram('D.astro', source))).toEqual(expected);
  });
});
