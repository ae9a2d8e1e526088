import type { APIRoute, GetStaticPaths } from 'astro';
import { markdownResponse } from '../lib/markdown-twin/responses';
import { guideEntries, guideMarkdown, type GuideEntry } from '../lib/markdown-twin/site-twins';

/** The Markdown twin of every article: `/guides/webhooks/` → `/guides/webhooks.md`. */
export const getStaticPaths = (async () =>
  (await guideEntries()).map((entry) => ({ params: { slug: entry.id }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: GuideEntry }> = ({ props, site }) =>
  markdownResponse(guideMarkdown(props.entry, site!, import.meta.env.BASE_URL));
