import { guideEntries, guideMarkdown } from '../lib/markdown-twin/site-twins';
import { twinEndpoint } from '../lib/markdown-twin/twin-endpoint';

/** The Markdown twin of every article: `/guides/webhooks/` → `/guides/webhooks.md`. */
export const { getStaticPaths, GET } = twinEndpoint(
  async () => (await guideEntries()).map((entry) => ({ params: { slug: entry.id }, props: { entry } })),
  ({ entry }, { site, base }) => guideMarkdown(entry, site, base),
);
