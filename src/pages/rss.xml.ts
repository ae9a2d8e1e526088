import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { guideEntries, guideUpdated } from '../lib/markdown-twin/site-twins';
import { absoluteUrl, guidePath } from '../lib/markdown-twin/twin-paths';

/** The guides as an RSS feed, newest change first, so readers can follow new and updated articles. */
export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string) => absoluteUrl(path, site!, import.meta.env.BASE_URL);
  const guides = (await guideEntries()).sort((a, b) => guideUpdated(b).getTime() - guideUpdated(a).getTime());
  return rss({
    title: 'Engine Room guides',
    description:
      'Plain-language guides to backend integration and APIs, with sandbox APIs that answer in your browser.',
    site: absolute('/'),
    items: guides.map((entry) => ({
      title: entry.data.title,
      description: entry.data.description ?? '',
      link: absolute(guidePath(entry.id)),
      pubDate: guideUpdated(entry),
    })),
    customData: '<language>en</language>',
  });
};
