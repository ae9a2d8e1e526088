import { schemaMarkdown } from '../../../../lib/markdown-twin/reference-markdown';
import { twinEndpoint } from '../../../../lib/markdown-twin/twin-endpoint';
import { referenceApis } from '../../../../lib/reference/model';

/** The Markdown twin of every schema page: `/reference/payments/schemas/customer/` → `…/customer.md`. */
export const { getStaticPaths, GET } = twinEndpoint(
  () =>
    referenceApis().flatMap((api) =>
      api.schemas.map((schema) => ({ params: { api: api.api, schema: schema.slug }, props: { api, schema } })),
    ),
  ({ api, schema }, links) => schemaMarkdown(api, schema, links),
);
