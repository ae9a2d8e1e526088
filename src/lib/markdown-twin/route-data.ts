import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from '../base-url';
import { twinOfPage } from './site-twins';

/** Point every page that has a Markdown twin at it from the head, where crawlers and agents look for alternates. */
export const onRequest = defineRouteMiddleware(async (context) => {
  const twin = await twinOfPage(context.url.pathname, import.meta.env.BASE_URL);
  if (!twin) return;
  context.locals.starlightRoute.head.push({
    tag: 'link',
    attrs: { rel: 'alternate', type: 'text/markdown', href: withBase(twin), title: 'This page as Markdown' },
  });
});
