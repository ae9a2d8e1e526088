import { apiMarkdown } from '../../lib/markdown-twin/reference-markdown';
import { twinEndpoint } from '../../lib/markdown-twin/twin-endpoint';
import { referenceApis } from '../../lib/reference/model';

/** The Markdown twin of each API's overview page: `/reference/payments/` → `/reference/payments.md`. */
export const { getStaticPaths, GET } = twinEndpoint(
  () => referenceApis().map((view) => ({ params: { api: view.api }, props: { view } })),
  ({ view }, links) => apiMarkdown(view, links),
);
