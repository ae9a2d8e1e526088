import type { APIRoute, GetStaticPaths } from 'astro';
import { webhookMarkdown } from '../../../../lib/markdown-twin/reference-markdown';
import { markdownResponse } from '../../../../lib/markdown-twin/responses';
import { absoluteUrl } from '../../../../lib/markdown-twin/twin-paths';
import { referenceApis, type ApiView, type WebhookView } from '../../../../lib/reference/model';

/** The Markdown twin of every webhook page: `/reference/payments/webhooks/payment-succeeded/` → `….md`. */
export const getStaticPaths = (() =>
  referenceApis().flatMap((api) =>
    api.webhooks.map((webhook) => ({ params: { api: api.api, webhook: webhook.slug }, props: { api, webhook } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ api: ApiView; webhook: WebhookView }> = ({ props, site }) =>
  markdownResponse(
    webhookMarkdown(props.api, props.webhook, {
      absolute: (path) => absoluteUrl(path, site!, import.meta.env.BASE_URL),
    }),
  );
