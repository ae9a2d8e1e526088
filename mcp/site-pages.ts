/**
 * Every page the site publishes a Markdown twin of (articles, API overviews, operations, schemas, webhooks), with
 * the twin itself: the same functions make the site's `.md` files, so an assistant reads what a reader reads.
 */
import { guideMarkdown, type GuideSource } from '../src/lib/markdown-twin/guide-markdown.ts';
import {
  apiMarkdown,
  operationMarkdown,
  schemaMarkdown,
  webhookMarkdown,
  type ReferenceLinks,
} from '../src/lib/markdown-twin/reference-markdown.ts';
import { absoluteUrl, apiPath, guidePath, operationPath } from '../src/lib/markdown-twin/twin-paths.ts';
import { plainText } from '../src/lib/reference/meta.ts';
import { type ApiView } from '../src/lib/reference/model.ts';
import type { SiteAddress, SitePage } from './page-lookup.ts';

export function sitePages(guides: readonly GuideSource[], apis: readonly ApiView[], address: SiteAddress): SitePage[] {
  const absolute = (path: string) => absoluteUrl(path, address.site, address.base);
  const links: ReferenceLinks = { absolute };
  const pages: SitePage[] = guides.map((guide) => ({
    kind: 'guide',
    path: guidePath(guide.id),
    title: guide.data.title,
    description: guide.data.description ?? '',
    aliases: [guide.id.split('/').pop()!],
    markdown: once(() => guideMarkdown(guide, address.site, address.base)),
  }));
  for (const api of apis) {
    pages.push({
      kind: 'api',
      path: apiPath(api.api),
      title: api.title,
      description: plainText(api.summary ?? '') || `${api.operations.length} operations`,
      aliases: [api.api],
      markdown: once(() => apiMarkdown(api, links)),
    });
    for (const operation of api.operations)
      pages.push({
        kind: 'operation',
        path: operationPath(api.api, operation.slug),
        title: operation.summary,
        description: `${operation.method} ${operation.path} (${api.api} ${operation.id})`,
        aliases: [operation.id, `${api.api}/${operation.id}`],
        markdown: once(() => operationMarkdown(api, operation, links)),
      });
    for (const schema of api.schemas)
      pages.push({
        kind: 'schema',
        path: schema.href,
        title: schema.title,
        description: plainText(schema.description ?? '') || `${schema.name}: ${schema.type}`,
        aliases: [`${api.api}/${schema.name}`, `${api.api}/schemas/${schema.slug}`],
        markdown: once(() => schemaMarkdown(api, schema, links)),
      });
    for (const webhook of api.webhooks)
      pages.push({
        kind: 'webhook',
        path: `/reference/${api.api}/webhooks/${webhook.slug}/`,
        title: webhook.title,
        description: webhook.summary ?? `The ${webhook.name} webhook of the ${api.title}`,
        aliases: [`${api.api}/${webhook.name}`],
        markdown: once(() => webhookMarkdown(api, webhook, links)),
      });
  }
  return pages;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
