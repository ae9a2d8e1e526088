import type { RootContent } from 'mdast';
import { describe, expect, test, vi } from 'vitest';
import { MdxSyntaxError } from '../../mdx-tree';
import { mdxToMarkdown, type JsxElement } from '../mdx-to-markdown';

const seen: JsxElement[] = [];
const warn = vi.fn();
/** Every component becomes its name in bold, followed by its converted children. */
const convert = (source: string) =>
  mdxToMarkdown(source, {
    resolveLink: (href) => `https://example.org/docs${href}`,
    warn,
    renderComponent: (element) => {
      seen.push(element);
      const name: RootContent = {
        type: 'paragraph',
        children: [{ type: 'strong', children: [{ type: 'text', value: element.name }] }],
      };
      return [name, ...(element.children ?? [])];
    },
  });

describe('mdxToMarkdown', () => {
  test.each([
    ['drops imports', "import TryIt from '../../components/TryIt.astro';\n\nText.", 'Text.'],
    [
      'drops multi-line imports',
      "import {\n  Card,\n  CardGrid,\n} from '@astrojs/starlight/components';\n\nText.",
      'Text.',
    ],
    ['drops exports', 'export const answer = 42;\n\nText.', 'Text.'],
    ['drops JSX comments', 'One.\n\n{/* a note to authors */}\n\nTwo.', 'One.\n\nTwo.'],
    ['drops a JSX comment inside a line', 'One {/* a note */}two.', 'One two.'],
    ['keeps the text of a string expression', "Press {'Send'} now.", 'Press Send now.'],
    [
      'renders a self-closing component',
      'Before.\n\n<TryIt api="payments" />\n\nAfter.',
      'Before.\n\n**TryIt**\n\nAfter.',
    ],
    [
      'renders children as Markdown',
      '<Aside>\n  See [x](/guides/x/).\n</Aside>',
      '**Aside**\n\nSee [x](https://example.org/docs/guides/x/).',
    ],
    ['renders an element written on one line', '<Aside>One line.</Aside>', '**Aside**\n\nOne line.'],
    ['renders a component inside a line of text', 'A <Badge text="new" /> feature.', 'A **Badge** feature.'],
    [
      'renders nested components inside out',
      '<Tabs>\n  <TabItem label="npm">\n    <Aside>\n      Use `npm i`.\n    </Aside>\n  </TabItem>\n</Tabs>',
      '**Tabs**\n\n**TabItem**\n\n**Aside**\n\nUse `npm i`.',
    ],
    [
      'keeps code blocks as they are, JSX and imports included',
      "```mdx\nimport A from './a';\n\n\n<A />\n```",
      "```mdx\nimport A from './a';\n\n\n<A />\n```",
    ],
    [
      'keeps a code block inside a component, even one that shows the closing tag',
      '<Aside>\n```mdx\n<TryIt api="x" />\n</Aside>\n```\n</Aside>\n\nAfter.',
      '**Aside**\n\n```mdx\n<TryIt api="x" />\n</Aside>\n```\n\nAfter.',
    ],
    [
      'keeps JSX in inline code',
      'Write `<TryIt api="x" />` in the article.',
      'Write `<TryIt api="x" />` in the article.',
    ],
    ['keeps tilde fences and the backticks inside them', '~~~md\n```js\nx\n```\n~~~', '````md\n```js\nx\n```\n````'],
    [
      'keeps HTML elements as HTML around converted content',
      '<details>\n<summary>The helper: <code>retry.ts</code></summary>\n\nSee [it](/x/).\n</details>',
      '<details>\n\n<summary>The helper: <code>retry.ts</code></summary>\n\nSee [it](https://example.org/docs/x/).\n\n</details>',
    ],
    ['keeps inline HTML elements', 'Press <kbd>/</kbd> to search.', 'Press <kbd>/</kbd> to search.'],
    [
      'makes root-relative links absolute',
      'Read [webhooks](/guides/webhooks/#retries).',
      'Read [webhooks](https://example.org/docs/guides/webhooks/#retries).',
    ],
    [
      'makes root-relative link definitions absolute',
      'See [the guide][g].\n\n[g]: /guides/x/ "Title"',
      'See [the guide][g].\n\n[g]: https://example.org/docs/guides/x/ "Title"',
    ],
    [
      'leaves other links and links in inline code alone',
      '[a](https://x.test/) [b](#top) [c](//cdn.test/x) `[d](/in/code)`',
      '[a](https://x.test/) [b](#top) [c](//cdn.test/x) `[d](/in/code)`',
    ],
    [
      'keeps tables, aligned',
      '| a | long header |\n|---|---|\n| [x](/x/) | 2 |',
      '| a                                | long header |\n| -------------------------------- | ----------- |\n| [x](https://example.org/docs/x/) | 2           |',
    ],
    ['collapses the blank lines a dropped element leaves', 'A.\n\n\n\n{/* x */}\n\n\nB.', 'A.\n\nB.'],
  ])('%s', (_case, source, expected) => {
    expect(convert(source)).toBe(expected);
  });

  test.each([
    ['strings in either quote', '<TryIt api="ai" operation=\'listModels\' />', { api: 'ai', operation: 'listModels' }],
    ['a bare attribute', '<Card title="x" wide>\nbody\n</Card>', { title: 'x', wide: true }],
    ['a ">" inside a string', '<Aside title="a > b">\ntext\n</Aside>', { title: 'a > b' }],
    [
      'a multi-line expression that holds braces and ">"',
      "<Walkthrough\n  title=\"Ride\"\n  steps={[{ title: 'a > b', body: { x: '}' } }]}\n/>",
      { title: 'Ride', steps: { expression: "[{ title: 'a > b', body: { x: '}' } }]" } },
    ],
    ['no spread', '<Card {...props} title="x" />', { title: 'x' }],
  ])('reads attributes: %s', (_case, source, attributes) => {
    seen.length = 0;
    convert(source);
    expect(seen[0]!.attributes).toEqual(attributes);
  });

  test('components that each render a list make one list, as a grid of link cards should', () => {
    const markdown = mdxToMarkdown('<Grid>\n  <Item name="a" />\n  <Item name="b" />\n</Grid>', {
      resolveLink: (href) => href,
      renderComponent: ({ name, attributes, children }) =>
        name === 'Item'
          ? [
              {
                type: 'list',
                spread: false,
                children: [
                  {
                    type: 'listItem',
                    children: [{ type: 'paragraph', children: [{ type: 'text', value: String(attributes.name) }] }],
                  },
                ],
              },
            ]
          : (children ?? []),
    });
    expect(markdown).toBe('- a\n- b');
  });

  test('a self-closing element has no children', () => {
    seen.length = 0;
    convert('<TryIt api="ai" />');
    expect(seen[0]!.children).toBeUndefined();
  });

  test('tells the renderer where the component was imported from, by any import form', () => {
    seen.length = 0;
    convert(
      "import Flow from '../../components/diagrams/Flow.astro';\nimport { Aside as Note } from '@astrojs/starlight/components';\n\n<Flow />\n\n<Note>x</Note>",
    );
    expect(seen.map((element) => element.source)).toEqual([
      '../../components/diagrams/Flow.astro',
      '@astrojs/starlight/components',
    ]);
  });

  test('an import shown in a code block is not an import', () => {
    seen.length = 0;
    convert("```mdx\nimport Flow from './diagrams/Flow.astro';\n```\n\n<Flow />");
    expect(seen[0]!.source).toBeUndefined();
  });

  test('an expression the twin cannot show is dropped, with a warning', () => {
    warn.mockClear();
    expect(convert('Total: {price * 2}.')).toBe('Total: .');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('{price * 2}'));
  });

  test('an import block that is not JavaScript is a syntax error at its line', () => {
    expect(() => convert("Intro.\n\nimport A from './a';\nText after it.")).toThrow(MdxSyntaxError);
    expect(() => convert("Intro.\n\nimport A from './a';\nText after it.")).toThrow(/^4:/);
  });

  test('an element that is never closed is a syntax error naming it and its line', () => {
    expect(() => convert('Text.\n\n<Aside>\nno end')).toThrow(
      expect.objectContaining({ name: 'MdxSyntaxError', line: 3, reason: expect.stringContaining('<Aside>') }),
    );
  });
});
