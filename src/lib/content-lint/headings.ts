import GithubSlugger from 'github-slugger';
import { isJsx, lineOf, stringAttribute, textOf, walk } from './mdast.ts';
import type { Page } from './page.ts';
import type { Problem } from './problem.ts';

interface Heading {
  depth: number;
  text: string;
  line: number;
  /** An explicit `id`, for JSX headings. */
  id?: string;
}

export function headingsOf(page: Page): Heading[] {
  const headings: Heading[] = [];
  walk(page.tree, (node) => {
    if (node.type === 'heading' && node.depth !== undefined)
      headings.push({ depth: node.depth, text: textOf(node).trim(), line: lineOf(node) });
    else if (isJsx(node) && node.name && /^h[1-6]$/.test(node.name)) {
      const id = stringAttribute(node, 'id');
      headings.push({
        depth: Number(node.name[1]),
        text: textOf(node).trim(),
        line: lineOf(node),
        ...(id === undefined ? {} : { id }),
      });
    }
  });
  return headings;
}

export function checkHeadings(page: Page): Problem[] {
  const problems: Problem[] = [];
  const report = (heading: Heading, message: string) =>
    problems.push({ file: page.file, line: heading.line, message: `heading "${heading.text}" ${message}` });
  let previous: Heading | undefined;
  for (const heading of headingsOf(page)) {
    if (heading.depth === 1) report(heading, 'is an h1; the page title is the only h1, so sections start at ##');
    else if (!previous && heading.depth !== 2)
      report(heading, `is the first heading but is an h${heading.depth}; the body must start at ## (h2)`);
    else if (previous && heading.depth > previous.depth + 1)
      report(
        heading,
        `is an h${heading.depth} right after an h${previous.depth}; levels must not skip (use ${'#'.repeat(previous.depth + 1)})`,
      );
    previous = heading;
  }
  return problems;
}

/** What a `#fragment` may point at: heading ids as the site generates them (github-slugger), explicit ids, `_top`. */
export function anchorsOf(page: Page): Set<string> {
  const anchors = new Set(['_top']);
  const slugger = new GithubSlugger();
  for (const heading of headingsOf(page)) anchors.add(heading.id ?? slugger.slug(heading.text));
  walk(page.tree, (node) => {
    if (isJsx(node)) {
      const id = stringAttribute(node, 'id');
      if (id) anchors.add(id);
    } else if (node.type === 'html') {
      for (const match of (node.value ?? '').matchAll(/\sid=["']([^"']+)["']/g)) if (match[1]) anchors.add(match[1]);
    }
  });
  return anchors;
}
