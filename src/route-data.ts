import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from './lib/base-url';

/**
 * Adjust Starlight's route data for every page:
 * - show the author's `updated` date (required by the SEO schema) in the footer, not the date of the last commit,
 *   which moves with every formatting fix;
 * - give hero buttons, which Markdown plugins never see, the same sub-path base as links in the body.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const data = route.entry.data as typeof route.entry.data & { updated?: Date };
  if (data.updated) route.lastUpdated = data.updated;
  for (const action of data.hero?.actions ?? []) action.link = withBase(action.link);
});
