import { operationMarkdown } from '../../../lib/markdown-twin/reference-markdown';
import { twinEndpoint } from '../../../lib/markdown-twin/twin-endpoint';
import { referenceApis } from '../../../lib/reference/model';

/** The Markdown twin of every operation page: `/reference/payments/create-refund/` → `…/create-refund.md`. */
export const { getStaticPaths, GET } = twinEndpoint(
  () =>
    referenceApis().flatMap((api) =>
      api.operations.map((operation) => ({
        params: { api: api.api, operation: operation.slug },
        props: { api, operation },
      })),
    ),
  ({ api, operation }, links) => operationMarkdown(api, operation, links),
);
