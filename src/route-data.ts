import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from './lib/base-url';
import { referenceApis } from './lib/reference/model';
import { pageSeoHead } from './lib/seo/page-seo';
import { mergeHead } from './lib/seo/head-tags';

/**
 * Adjust Starlight's route data for every page:
 * - show the author's `updated` date (required by the SEO schema) in the footer, not the date of the last commit,
 *   which moves with every formatting fix;
 * - give hero buttons, which Markdown plugins never see, the same sub-path base as links in the body;
 * - add the social card, the Open Graph and Twitter tags Starlight lacks, and the page's JSON-LD (src/lib/seo/).
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const data = route.entry.data as typeof route.entry.data & { updated?: Date };
  if (data.updated) route.lastUpdated = data.updated;
  for (const action of data.hero?.actions ?? []) action.link = withBase(action.link);
  mergeHead(
    route.head,
    pageSeoHead({
      id: route.entry.id,
      title: data.title,
      description: data.description ?? '',
      updated: data.updated,
      headings: route.headings,
      markdown: route.entry.body ?? '',
      head: route.head,
      pathname: context.url.pathname,
      site: context.site ?? context.url.origin,
      base: import.meta.env.BASE_URL,
      apis: referenceApis(),
    }),
  );
});
