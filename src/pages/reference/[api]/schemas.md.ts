import { schemaIndexMarkdown } from '../../../lib/markdown-twin/reference-markdown';
import { twinEndpoint } from '../../../lib/markdown-twin/twin-endpoint';
import { referenceApis } from '../../../lib/reference/model';

/** The Markdown twin of each API's schema list: `/reference/payments/schemas/` → `/reference/payments/schemas.md`. */
export const { getStaticPaths, GET } = twinEndpoint(
  () =>
    referenceApis()
      .filter((api) => api.schemas.length > 0)
      .map((api) => ({ params: { api: api.api }, props: { api } })),
  ({ api }, links) => schemaIndexMarkdown(api, links),
);
