import { webhookMarkdown } from '../../../../lib/markdown-twin/reference-markdown';
import { twinEndpoint } from '../../../../lib/markdown-twin/twin-endpoint';
import { referenceApis } from '../../../../lib/reference/model';

/** The Markdown twin of every webhook page: `/reference/payments/webhooks/payment-succeeded/` → `….md`. */
export const { getStaticPaths, GET } = twinEndpoint(
  () =>
    referenceApis().flatMap((api) =>
      api.webhooks.map((webhook) => ({ params: { api: api.api, webhook: webhook.slug }, props: { api, webhook } })),
    ),
  ({ api, webhook }, links) => webhookMarkdown(api, webhook, links),
);
