import type { Page } from './page.ts';

interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** The parts of an mdast/MDX node the rules read (satteri returns standard mdast with MDX extensions). */
export interface MdNode {
  type: string;
  position?: { start: Point; end: Point };
  children?: MdNode[];
  value?: string;
  depth?: number;
  url?: string;
  alt?: string | null;
  name?: string | null;
  attributes?: MdxAttribute[];
}

interface MdxAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

export const lineOf = (node: MdNode): number => node.position?.start.line ?? 1;

/** Visit every node depth-first, in document order, with its ancestors (nearest last). */
export function walk(node: MdNode, visit: (node: MdNode, ancestors: MdNode[]) => void, ancestors: MdNode[] = []): void {
  visit(node, ancestors);
  for (const child of node.children ?? []) walk(child, visit, [...ancestors, node]);
}

export const isJsx = (node: MdNode): boolean => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

export function jsxElements(page: Page, name: string | RegExp): MdNode[] {
  const found: MdNode[] = [];
  walk(page.tree, (node) => {
    if (!isJsx(node) || !node.name) return;
    if (typeof name === 'string' ? node.name === name : name.test(node.name)) found.push(node);
  });
  return found;
}

type AttributeValue =
  { kind: 'missing' } | { kind: 'string'; value: string } | { kind: 'expression'; value: string } | { kind: 'boolean' };

/** A JSX attribute; an expression that is only a string literal (`{'x'}`) counts as a string. */
export function attribute(node: MdNode, name: string): AttributeValue {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!found) return { kind: 'missing' };
  const value = found.value;
  if (value === null || value === undefined) return { kind: 'boolean' };
  if (typeof value === 'string') return { kind: 'string', value };
  const literal = /^\s*(['"`])([^'"`$]*)\1\s*$/.exec(value.value);
  return literal ? { kind: 'string', value: literal[2] ?? '' } : { kind: 'expression', value: value.value };
}

export const stringAttribute = (node: MdNode, name: string): string | undefined => {
  const value = attribute(node, name);
  return value.kind === 'string' ? value.value : undefined;
};

/** The line of `name=` inside an element's opening tag, falling back to the element's first line. */
export function attributeLine(page: Page, node: MdNode, name: string): number {
  const start = node.position?.start;
  if (start?.offset === undefined) return lineOf(node);
  const text = page.source.slice(start.offset, node.position?.end.offset ?? start.offset);
  const match = new RegExp(`[\\s<]${name}\\s*=`).exec(text);
  return match ? start.line + countNewlines(text.slice(0, match.index + 1)) : start.line;
}

export const countNewlines = (text: string): number => text.split('\n').length - 1;

/** The plain text of a node: what readers see, with inline code kept as `code` says. */
export function textOf(node: MdNode, code: (value: string) => string = (value) => value): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'inlineCode') return code(node.value ?? '');
  if (node.type === 'break') return ' ';
  if (['mdxTextExpression', 'mdxFlowExpression', 'html', 'image', 'imageReference'].includes(node.type)) return '';
  return (node.children ?? []).map((child) => textOf(child, code)).join('');
}
