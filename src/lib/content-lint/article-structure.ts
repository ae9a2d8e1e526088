import { headingsOf } from './headings.ts';
import { isInternal, linksOf } from './links.ts';
import { jsxElements, walk, type MdNode } from './mdast.ts';
import type { Page } from './page.ts';
import type { Problem } from './problem.ts';

export interface StructureOptions {
  minInternalLinks: number;
  /** Whether the article must let readers run a sandbox call (a TryIt or a Walkthrough). */
  requireSandbox: boolean;
}

/** Components counted as diagrams: imported from a `diagrams/` folder, or named `…Diagram`. */
function diagramComponents(page: Page): MdNode[] {
  const imported = new Set(
    [...page.imports].filter(([, source]) => source.includes('/diagrams/')).map(([name]) => name),
  );
  return jsxElements(page, /./).filter((node) => imported.has(node.name ?? '') || /Diagram$/.test(node.name ?? ''));
}

export function checkArticleStructure(page: Page, options: StructureOptions): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number, message: string) => problems.push({ file: page.file, line, message });
  const internal = new Set(
    linksOf(page)
      .map((link) => link.url)
      .filter((url) => isInternal(url) && url.split('#')[0] !== page.route),
  );
  if (internal.size < options.minInternalLinks)
    report(page.bodyLine, `has ${internal.size} internal links to other pages (min ${options.minInternalLinks})`);
  let hasTable = false;
  walk(page.tree, (node) => {
    if (node.type === 'table') hasTable = true;
  });
  if (!hasTable && diagramComponents(page).length === 0)
    report(page.bodyLine, 'has no Markdown table and no diagram component (needs at least one)');
  const nextSteps = headingsOf(page).some((heading) => heading.depth === 2 && heading.text === 'Next steps');
  if (!nextSteps) report(page.source.trimEnd().split('\n').length, 'has no "## Next steps" section');
  if (options.requireSandbox && jsxElements(page, /^(TryIt|Walkthrough)$/).length === 0)
    report(page.bodyLine, 'has no <TryIt> or <Walkthrough>; readers must be able to run a sandbox call here');
  return problems;
}
