import { isJsx, lineOf, textOf, walk, type MdNode } from './mdast.ts';
import type { Page } from './page.ts';
import type { Problem } from './problem.ts';
import { countWords, paragraphSentences } from './sentences.ts';

/** Node types that are not prose: metadata, code, tables, headings, expressions and raw HTML. */
const NOT_PROSE = new Set([
  'yaml',
  'toml',
  'mdxjsEsm',
  'code',
  'inlineCode',
  'table',
  'heading',
  'html',
  'mdxFlowExpression',
  'mdxTextExpression',
  'definition',
  'image',
  'imageReference',
  'thematicBreak',
]);

/**
 * Words of body prose: paragraphs, lists, quotes and text inside components. Frontmatter, imports and exports,
 * code, inline code, component tags and props, tables, headings and URLs do not count.
 */
export function proseWordCount(page: Page): number {
  let words = 0;
  const visit = (node: MdNode): void => {
    if (NOT_PROSE.has(node.type)) return;
    if (node.type === 'paragraph') words += countWords(textOf(node, () => ''));
    else if (node.type === 'text') words += countWords(node.value ?? '');
    else for (const child of node.children ?? []) visit(child);
  };
  visit(page.tree);
  return words;
}

export function checkWordCount(page: Page, min: number): Problem[] {
  const words = proseWordCount(page);
  return words >= min
    ? []
    : [{ file: page.file, line: page.bodyLine, message: `body has ${words} words of prose (min ${min})` }];
}

/** Prose paragraphs: paragraphs at the top level or in block quotes; lists, tables and components are not. */
export function checkParagraphs(page: Page, maxSentences: number): Problem[] {
  const problems: Problem[] = [];
  walk(page.tree, (node, ancestors) => {
    if (node.type !== 'paragraph') return;
    if (ancestors.some((a) => a.type === 'list' || a.type === 'listItem' || a.type === 'table' || isJsx(a))) return;
    const sentences = paragraphSentences(node).length;
    if (sentences > maxSentences)
      problems.push({
        file: page.file,
        line: lineOf(node),
        message: `paragraph has ${sentences} sentences (max ${maxSentences})`,
      });
  });
  return problems;
}
