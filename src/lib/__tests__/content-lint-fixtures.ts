/**
 * What the content-lint tests share: pages made from a body, problems as `line: message`, and a site with one spec
 * (payments) and a few pages for the link and sandbox-reference checks to resolve against.
 */
import type { OpenApiDocument } from '../../../mocks/core/openapi.ts';
import { anchorsOf, indexSpec, parsePage, routeFor, type Site } from '../content-lint/index.ts';

/** A page from a body, after a two-line frontmatter block, so the body starts on line 5. */
export const page = (body: string, file = 'guides/test.mdx', title = 'Test') =>
  parsePage(file, routeFor(file.replace(/^guides\//, 'guides/')), `---\ntitle: ${title}\n---\n\n${body}`);

export const messages = (problems: { line: number; message: string }[]) =>
  problems.map((p) => `${p.line}: ${p.message}`);

export const spec = {
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
export const site: Site = {
  pages: new Map([
    ['/', { file: 'index.mdx', anchors: new Set(['_top']) }],
    ['/guides/payments/', { file: 'guides/payments.mdx', anchors: anchorsOf(target) }],
    ['/playground/', { file: 'src/pages/playground/index.astro', anchors: new Set(['_top', 'event-inbox']) }],
  ]),
  specs: new Map([['payments', indexSpec('openapi/payments.yaml', spec)]]),
  staticFiles: new Set(['/favicon.svg']),
};
