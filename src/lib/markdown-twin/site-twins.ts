/**
 * The site's Markdown twins, assembled from the docs collection and the reference model: which pages have one, and
 * the Markdown of an article. Shared by the twin endpoints, llms.txt, the RSS feed, the `<link rel="alternate">` in
 * each page's head and the "Copy as Markdown" button, so that they always agree.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { referenceApis } from '../reference/model';
import { renderComponent, type OperationSummary } from './components';
import { readDiagramText } from './diagram-text';
import { importsOf, mdxToMarkdown } from './mdx-to-markdown';
import { absoluteUrl, apiPath, guidePath, operationPath, twinPathOf, withoutBase } from './twin-paths';

export type GuideEntry = CollectionEntry<'docs'>;

/** Every article: the docs collection without the home page and the 404 page, in learning-path order. */
export async function guideEntries(): Promise<GuideEntry[]> {
  const entries = await getCollection('docs', (entry) => entry.id !== 'index' && entry.id !== '404');
  const order = (entry: GuideEntry) => entry.data.sidebar.order ?? Number.MAX_SAFE_INTEGER;
  return entries.sort((a, b) => order(a) - order(b) || a.data.title.localeCompare(b.data.title));
}

export function guideUpdated(entry: GuideEntry): Date {
  return (entry.data as { updated: Date }).updated;
}

export function guideMarkdown(entry: GuideEntry, site: URL | string, base: string): string {
  const absolute = (path: string) => absoluteUrl(path, site, base);
  const file = entry.filePath ?? '';
  const imports = importsOf(entry.body ?? '');
  const importedText = (name: string): string | undefined => {
    const specifier = imports.get(name);
    if (!specifier?.endsWith('?raw') || !specifier.startsWith('.')) return undefined;
    return readFileSync(resolve(dirname(file), specifier.slice(0, -'?raw'.length)), 'utf8');
  };
  const body = mdxToMarkdown(entry.body ?? '', {
    resolveLink: absolute,
    renderComponent: (element) =>
      renderComponent(element, {
        operation: (api, id) => operationSummary(api, id, absolute),
        diagram: (source) => readDiagramText(resolve(dirname(file), source)),
        resolveLink: absolute,
        importedText,
        warn: (message) => console.warn(`${file}: ${message}`),
      }),
  });
  const updated = guideUpdated(entry).toISOString().slice(0, 10);
  return [
    `# ${entry.data.title}`,
    '',
    `> ${entry.data.description ?? ''}`,
    '',
    `Updated ${updated}. Web page: ${absolute(guidePath(entry.id))}`,
    '',
    body,
    '',
  ].join('\n');
}

function operationSummary(
  api: string,
  operationId: string,
  absolute: (path: string) => string,
): OperationSummary | undefined {
  const operation = referenceApis()
    .find((view) => view.api === api)
    ?.operations.find((candidate) => candidate.id === operationId);
  if (!operation) return undefined;
  return {
    method: operation.method,
    path: operation.path,
    summary: operation.summary,
    href: absolute(twinPathOf(operationPath(api, operation.slug))),
    curl: operation.samples.find((sample) => sample.label === 'curl')?.code,
  };
}

let pagesWithTwins: Promise<Set<string>> | undefined;

/** The root-relative path of the Markdown twin of the page at `pathname` (which carries the base), if it has one. */
export async function twinOfPage(pathname: string, base: string): Promise<string | undefined> {
  pagesWithTwins ??= (async () => {
    const guides = (await guideEntries()).map((entry) => guidePath(entry.id));
    const reference = referenceApis().flatMap((view) => [
      apiPath(view.api),
      ...view.operations.map((operation) => operationPath(view.api, operation.slug)),
      ...view.schemas.map((schema) => schema.href),
      ...view.webhooks.map((webhook) => `/reference/${view.api}/webhooks/${webhook.slug}/`),
    ]);
    return new Set([...guides, ...reference]);
  })();
  const path = withoutBase(pathname, base).replace(/\/?$/, '/');
  return (await pagesWithTwins).has(path) ? twinPathOf(path) : undefined;
}
