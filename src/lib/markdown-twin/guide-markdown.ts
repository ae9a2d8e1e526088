/**
 * The Markdown twin of an article, from its MDX source and frontmatter. It takes the few fields it needs rather than
 * an Astro collection entry, so that code running outside Astro (the MCP server, `npm run mcp`) renders exactly the
 * twin the site publishes.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { referenceApis } from '../reference/model';
import { renderComponent, type OperationSummary } from './components';
import { readDiagramText } from './diagram-text';
import { importsOf, MdxSyntaxError, parseMdx } from '../mdx-tree';
import { mdxToMarkdown } from './mdx-to-markdown';
import { absoluteUrl, guidePath, operationPath, twinPathOf } from './twin-paths';

/** What an article's twin is made of: the shape of a docs collection entry, without Astro. */
export interface GuideSource {
  /** `guides/webhooks`: the page is at `/guides/webhooks/`. */
  id: string;
  /** The MDX file, relative to the project root; imported `?raw` files and diagrams are read beside it. */
  filePath?: string | undefined;
  /** The MDX source without its frontmatter. */
  body?: string | undefined;
  data: {
    title: string;
    description?: string | undefined;
    updated?: Date | undefined;
    sidebar: { order?: number | undefined };
  };
}

/** The learning path: sidebar order, then title. */
export function inLearningPathOrder(a: GuideSource, b: GuideSource): number {
  const order = (entry: GuideSource) => entry.data.sidebar.order ?? Number.MAX_SAFE_INTEGER;
  return order(a) - order(b) || a.data.title.localeCompare(b.data.title);
}

export function guideUpdated(entry: GuideSource): Date {
  return entry.data.updated!;
}

export function guideMarkdown(entry: GuideSource, site: URL | string, base: string): string {
  const absolute = (path: string) => absoluteUrl(path, site, base);
  const file = entry.filePath ?? '';
  const { tree, imports } = parseGuide(entry);
  const importedText = (name: string): string | undefined => {
    const specifier = imports.get(name);
    if (!specifier?.endsWith('?raw') || !specifier.startsWith('.')) return undefined;
    return readFileSync(resolve(dirname(file), specifier.slice(0, -'?raw'.length)), 'utf8');
  };
  const warn = (message: string) => console.warn(`${file}: ${message}`);
  const body = mdxToMarkdown(tree, {
    resolveLink: absolute,
    warn,
    renderComponent: (element) =>
      renderComponent(element, {
        operation: (api, id) => operationSummary(api, id, absolute),
        diagram: (source) => readDiagramText(resolve(dirname(file), source)),
        resolveLink: absolute,
        importedText,
        warn,
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

/** The article's tree and imports; a syntax error names the file and the line (counted from the body's start). */
function parseGuide(entry: GuideSource) {
  try {
    const tree = parseMdx(entry.body ?? '', { frontmatter: false });
    return { tree, imports: importsOf(tree) };
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    throw new Error(
      `${entry.filePath ?? entry.id}: line ${error.line} of the body does not parse as MDX: ${error.reason}`,
      { cause: error },
    );
  }
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
