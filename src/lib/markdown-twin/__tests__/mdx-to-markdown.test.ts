import { describe, expect, test } from 'vitest';
import { importsOf, mdxToMarkdown, parseElement, rewriteLinks, type JsxElement } from '../mdx-to-markdown';

const seen: JsxElement[] = [];
const convert = (source: string) =>
  mdxToMarkdown(source, {
    resolveLink: (href) => `https://example.org/docs${href}`,
    renderComponent: (element) => {
      seen.push(element);
      return element.children === undefined ? `[${element.name}]` : `[${element.name}: ${element.children}]`;
    },
  });

describe('mdxToMarkdown', () => {
  test.each([
    ['drops imports', "import TryIt from '../../components/TryIt.astro';\n\nText.", 'Text.'],
    [
      'drops multi-line imports',
      "import {\n  Card,\n  CardGrid,\n} from '@astrojs/starlight/components';\nText.",
      'Text.',
    ],
    ['drops JSX comments', 'One.\n\n{/* a note to authors */}\n\nTwo.', 'One.\n\nTwo.'],
    [
      'renders a self-closing component',
      'Before.\n\n<TryIt api="payments" />\n\nAfter.',
      'Before.\n\n[TryIt]\n\nAfter.',
    ],
    [
      'renders children as Markdown',
      '<Aside>\n  See [x](/guides/x/).\n</Aside>',
      '[Aside: See [x](https://example.org/docs/guides/x/).]',
    ],
    [
      'keeps code blocks as they are, JSX and imports included',
      "```mdx\nimport A from './a';\n\n\n<A />\n```",
      "```mdx\nimport A from './a';\n\n\n<A />\n```",
    ],
    ['keeps tilde fences', "~~~js\nimport x from 'y';\n~~~", "~~~js\nimport x from 'y';\n~~~"],
    [
      'makes root-relative links absolute',
      'Read [webhooks](/guides/webhooks/#retries).',
      'Read [webhooks](https://example.org/docs/guides/webhooks/#retries).',
    ],
    [
      'leaves other links alone',
      '[a](https://x.test/) [b](#top) [c](//cdn.test/x)',
      '[a](https://x.test/) [b](#top) [c](//cdn.test/x)',
    ],
    ['collapses the blank lines a dropped element leaves', 'A.\n\n\n\n{/* x */}\n\n\nB.', 'A.\n\nB.'],
  ])('%s', (_case, source, expected) => {
    expect(convert(source)).toBe(expected);
  });

  test('parses a multi-line element with an expression that holds braces and ">"', () => {
    seen.length = 0;
    const source = "<Walkthrough\n  title=\"Ride\"\n  steps={[{ title: 'a > b', body: { x: '}' } }]}\n/>\n\nAfter.";
    expect(convert(source)).toBe('[Walkthrough]\n\nAfter.');
    expect(seen[0]!.attributes).toEqual({
      title: 'Ride',
      steps: { expression: "[{ title: 'a > b', body: { x: '}' } }]" },
    });
  });

  test('nested elements of the same name close at the right tag', () => {
    expect(convert('<Box>\n<Box>\ninner\n</Box>\nouter\n</Box>\nEnd.')).toBe('[Box: [Box: inner]\n\nouter]\n\nEnd.');
  });

  test('tells the renderer where the component was imported from', () => {
    seen.length = 0;
    convert("import Flow from '../../components/diagrams/Flow.astro';\n\n<Flow />");
    expect(seen[0]!.source).toBe('../../components/diagrams/Flow.astro');
  });

  test('an element that is never closed is an error naming it', () => {
    expect(() => convert('<Aside>\nno end')).toThrow('<Aside> is never closed');
  });
});

describe('importsOf', () => {
  test('reads default, named and renamed imports', () => {
    const imports = importsOf("import A from './a.astro';\nimport { B, C as D } from 'lib';\n");
    expect([...imports]).toEqual([
      ['A', './a.astro'],
      ['B', 'lib'],
      ['D', 'lib'],
    ]);
  });
});

describe('parseElement', () => {
  test.each([
    ['<TryIt api="ai" operation=\'listModels\' />', { api: 'ai', operation: 'listModels' }],
    ['<Card title="x" wide>', { title: 'x', wide: true }],
  ])('%s', (source, attributes) => {
    const text = source.endsWith('/>') ? source : `${source}body</Card>`;
    expect(parseElement(text, 0).attributes).toEqual(attributes);
  });
});

describe('rewriteLinks', () => {
  test.each([
    ['`[x](/in/code)` and [y](/out/)', '`[x](/in/code)` and [y](!/out/)'],
    ['[ref]: /guides/x/ "Title"', '[ref]: !/guides/x/ "Title"'],
  ])('%s', (line, expected) => {
    expect(rewriteLinks(line, (href) => `!${href}`)).toBe(expected);
  });
});
