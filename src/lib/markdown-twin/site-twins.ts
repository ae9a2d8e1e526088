/**
 * The site's Markdown twins, assembled from the docs collection and the reference model: which pages have one, and
 * the Markdown of an article. Shared by the twin endpoints, llms.txt, the RSS feed, the `<link rel="alternate">` in
 * each page's head and the "Copy as Markdown" button, so that they always agree.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { referenceApis } from '../reference/model';
import { inLearningPathOrder } from './guide-markdown';
import { apiPath, guidePath, operationPath, twinPathOf, withoutBase } from './twin-paths';

// The twin itself is made without Astro (guide-markdown.ts), so that the MCP server renders the same one.
export { guideMarkdown, guideUpdated } from './guide-markdown';

export type GuideEntry = CollectionEntry<'docs'>;

/** Every article: the docs collection without the home page and the 404 page, in learning-path order. */
export async function guideEntries(): Promise<GuideEntry[]> {
  const entries = await getCollection('docs', (entry) => entry.id !== 'index' && entry.id !== '404');
  return entries.sort(inLearningPathOrder);
}

let pagesWithTwins: Promise<Set<string>> | undefined;

/** The root-relative path of the Markdown twin of the page at `pathname` (which carries the base), if it has one. */
export async function twinOfPage(pathname: string, base: string): Promise<string | undefined> {
  pagesWithTwins ??= (async () => {
    const guides = (await guideEntries()).map((entry) => guidePath(entry.id));
    const reference = referenceApis().flatMap((view) => [
      apiPath(view.api),
      ...view.operations.map((operation) => operationPath(view.api, operation.slug)),
      ...(view.schemas.length > 0 ? [`/reference/${view.api}/schemas/`] : []),
      ...view.schemas.map((schema) => schema.href),
      ...view.webhooks.map((webhook) => `/reference/${view.api}/webhooks/${webhook.slug}/`),
    ]);
    return new Set([...guides, ...reference]);
  })();
  const path = withoutBase(pathname, base).replace(/\/?$/, '/');
  return (await pagesWithTwins).has(path) ? twinPathOf(path) : undefined;
}
