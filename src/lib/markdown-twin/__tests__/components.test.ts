import { describe, expect, test, vi } from 'vitest';
import { parseMdx } from '../../mdx-tree';
import { renderComponent, type ComponentContext } from '../components';
import { markdownOf, type JsxElement } from '../mdx-to-markdown';

const context: ComponentContext = {
  operation: (api, id) =>
    api === 'payments' && id === 'createRefund'
      ? {
          method: 'POST',
          path: '/refunds',
          summary: 'Refund a payment',
          href: 'https://x.test/reference/payments/create-refund.md',
          curl: 'curl -X POST http://localhost:4010/payments/v1/refunds',
        }
      : undefined,
  diagram: (source) =>
    source.endsWith('Flow.astro')
      ? { title: 'A flow', description: 'Boxes and arrows.', caption: 'The point.' }
      : undefined,
  resolveLink: (href) => `https://x.test${href}`,
  importedText: (name) => (name === 'retrySource' ? 'export const a = 1;\n' : undefined),
  warn: vi.fn(),
};

/** An element as the converter hands it over: children given as Markdown arrive as nodes. */
const element = (name: string, attributes: JsxElement['attributes'] = {}, children?: string, source?: string) =>
  ({ name, attributes, children: children && parseMdx(children, { format: 'md' }).children, source }) as JsxElement;

const render = (input: JsxElement) => markdownOf(renderComponent(input, context));

describe('renderComponent', () => {
  test.each([
    [
      'TryIt becomes the request, a link to the operation and a curl call',
      element('TryIt', { api: 'payments', operation: 'createRefund' }),
      '**Try it:** `POST /refunds` in the payments sandbox API, [Refund a payment](https://x.test/reference/payments/create-refund.md).\n\n```sh\ncurl -X POST http://localhost:4010/payments/v1/refunds\n```',
    ],
    [
      'TryIt mentions a preset example and key',
      element('TryIt', { api: 'payments', operation: 'createRefund', example: 'declined', sandboxKey: 'sk_test_bad' }),
      'the "declined" example and the key `sk_test_bad`',
    ],
    [
      'TryIt for an unknown operation still names it',
      element('TryIt', { api: 'ai', operation: 'dream' }),
      '**Try it:** the `dream` operation of the ai sandbox API.',
    ],
    [
      'a diagram becomes its accessible texts, quoted',
      element('Flow', {}, undefined, '../diagrams/Flow.astro'),
      '> **Diagram: A flow.**\n>\n> Boxes and arrows.\n>\n> _The point._',
    ],
    ['an Aside becomes a quote with its label', element('Aside', { type: 'tip' }, 'Use keys.'), '> **Tip:** Use keys.'],
    [
      'a LinkCard becomes a list item with an absolute link',
      element('LinkCard', { title: 'Webhooks', href: '/guides/webhooks/', description: 'Events.' }),
      '- [Webhooks](https://x.test/guides/webhooks/): Events.',
    ],
    [
      'a Card keeps its title and content',
      element('Card', { title: 'Private' }, 'No trackers.'),
      '**Private**\n\nNo trackers.',
    ],
    ['a frame keeps only its content', element('CardGrid', {}, '- [a](b)'), '- [a](b)'],
    [
      'Code with an imported ?raw source becomes a fenced block under its title',
      element('Code', { code: { expression: 'retrySource' }, lang: 'ts', title: 'src/retry.ts' }),
      '`src/retry.ts`:\n\n```ts\nexport const a = 1;\n```',
    ],
    [
      'Code fences outgrow the backticks inside the code',
      element('Code', { code: 'a\n```\nb', lang: 'md' }),
      '````md\na\n```\nb\n````',
    ],
    ['a tab keeps its label', element('TabItem', { label: 'npm' }, '`npm i`'), '**npm**\n\n`npm i`'],
    ['the sandbox reset button is described', element('SandboxReset'), '**Reset sandbox**'],
  ])('%s', (_case, input, expected) => {
    expect(render(input)).toContain(expected);
  });

  test('a walkthrough becomes numbered steps with their requests', () => {
    const steps = `[
      { title: 'Refund it', api: 'payments', operation: 'createRefund', explain: 'Money back.' },
      { title: 'Other', api: 'ai', operation: 'dream', body: { a: '{{1.id}}' } },
      { title: 'Again', api: 'payments', operation: 'createRefund', headers: { 'Idempotency-Key': 'refund-1' } },
    ]`;
    expect(render(element('Walkthrough', { title: 'Flow', steps: { expression: steps } }))).toBe(
      [
        '**Walkthrough: Flow**',
        '',
        '1. **Refund it**: `POST /refunds` in the payments API ([reference](https://x.test/reference/payments/create-refund.md)). Money back.',
        '2. **Other**: `dream` in the ai API.',
        '3. **Again**: `POST /refunds` in the payments API ([reference](https://x.test/reference/payments/create-refund.md)). Sends `Idempotency-Key: refund-1`.',
      ].join('\n'),
    );
  });

  test('an unknown component keeps its content and is reported', () => {
    expect(render(element('Mystery', {}, 'Inside.'))).toBe('Inside.');
    expect(context.warn).toHaveBeenCalledWith(expect.stringContaining('<Mystery>'));
  });
});
