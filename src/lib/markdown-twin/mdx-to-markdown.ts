/**
 * Turn an article's MDX into plain Markdown for its twin. The source is parsed once into mdast (`mdx-tree.ts`, the
 * parser the site and the content lint use), the MDX parts of the tree are replaced by plain Markdown nodes, and
 * mdast-util-to-markdown writes the result. Imports, exports and JSX comments go; every component element becomes
 * the nodes the caller renders for it; HTML elements (`<details>`, `<kbd>`) stay HTML; root-relative links become the
 * URLs the caller wants (absolute ones, so the twin still works when it is pasted somewhere else). Code blocks are
 * code nodes, so the JSX and imports an article shows in them are never taken for its own.
 */
import type { Html, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { importsOf, parseMdx } from '../mdx-tree';

export type AttributeValue = string | true | { expression: string };

export interface JsxElement {
  name: string;
  attributes: Record<string, AttributeValue>;
  /** The children, already converted to plain Markdown nodes; undefined when the element has none (`<TryIt />`). */
  children: RootContent[] | undefined;
  /** Where the element's component was imported from, when the article imported it. */
  source: string | undefined;
}

export interface MdxConversion {
  /** The Markdown nodes one component element becomes (block content); none drops it. */
  renderComponent: (element: JsxElement) => RootContent[];
  /** The URL a root-relative link (`/guides/webhooks/`) should point to in the twin. */
  resolveLink: (href: string) => string;
  /** Told about MDX the twin cannot show (a JavaScript expression), which is dropped. */
  warn?: (message: string) => void;
}

/** How the twins write Markdown: the markers the articles use (Prettier's), and GFM for tables. */
const MARKDOWN_STYLE: ToMarkdownOptions = {
  bullet: '-',
  rule: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  listItemIndent: 'one',
  extensions: [gfmToMarkdown()],
};

/** Markdown for a list of nodes, as the twins write it. */
export function markdownOf(nodes: RootContent[]): string {
  return toMarkdown({ type: 'root', children: nodes }, MARKDOWN_STYLE).trim();
}

/** The twin of an MDX source, or of a tree `parseMdx` made of one (a caller that also reads its imports). */
export function mdxToMarkdown(source: string | Root, conversion: MdxConversion): string {
  const tree = typeof source === 'string' ? parseMdx(source, { frontmatter: false }) : source;
  return markdownOf(convertAll(tree.children, { conversion, imports: importsOf(tree) }));
}

interface State {
  conversion: MdxConversion;
  imports: Map<string, string>;
}

type MdxElement = MdxJsxFlowElement | MdxJsxTextElement;

function convertAll(nodes: readonly RootContent[], state: State): RootContent[] {
  return joinLists(nodes.flatMap((node) => convert(node, state)));
}

/**
 * Lists side by side become one, as Markdown reads them: components that each render a list item (a grid of
 * `<LinkCard>`s) make one list, instead of lists the serialiser would have to tell apart with other bullets.
 */
function joinLists(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    const previous = out[out.length - 1];
    if (node.type === 'list' && previous?.type === 'list' && previous.ordered === node.ordered) {
      out[out.length - 1] = { ...previous, children: [...previous.children, ...node.children] };
    } else out.push(node);
  }
  return out;
}

function convert(node: RootContent, state: State): RootContent[] {
  switch (node.type) {
    case 'mdxjsEsm':
    case 'yaml':
      return [];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return expression(node.value, node.type === 'mdxFlowExpression', state);
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return element(node, state);
    case 'link':
    case 'image':
    case 'definition':
      return [{ ...node, url: resolveRootRelative(node.url, state) }];
  }
  if ('children' in node) return [{ ...node, children: convertAll(node.children, state) } as RootContent];
  return [node];
}

const resolveRootRelative = (url: string, state: State) =>
  url.startsWith('/') && !url.startsWith('//') ? state.conversion.resolveLink(url) : url;

/** `{/* a note *\/}` goes, `{'text'}` is its text; any other expression has no value until the page runs. */
function expression(value: string, flow: boolean, state: State): RootContent[] {
  const code = value.trim();
  if (/^\/\*[\s\S]*\*\/$/.test(code) || /^\/\/[^\n]*$/.test(code)) return [];
  const literal = /^(['"`])([\s\S]*)\1$/.exec(code);
  if (literal && !(literal[1] === '`' && literal[2]!.includes('${'))) {
    const text = { type: 'text' as const, value: literal[2]! };
    return [flow ? { type: 'paragraph', children: [text] } : text];
  }
  state.conversion.warn?.(`the Markdown twin cannot show the expression {${code}}, so it leaves it out`);
  return [];
}

function element(node: MdxElement, state: State): RootContent[] {
  const converted = convertAll(node.children, state);
  if (!node.name) return node.type === 'mdxJsxFlowElement' ? asBlocks(converted) : converted; // a fragment: <>…</>
  if (/^[a-z]/.test(node.name)) return htmlElement(node, node.name, converted);
  // A renderer always gets blocks, even for `<Aside>One line.</Aside>`, whose content MDX keeps as bare text.
  const children = asBlocks(converted);
  const rendered = state.conversion.renderComponent({
    name: node.name,
    attributes: attributesOf(node),
    children: children.length > 0 ? children : undefined,
    source: state.imports.get(node.name.split('.')[0]!),
  });
  return node.type === 'mdxJsxTextElement' ? inline(rendered, node.name, state) : rendered;
}

const PHRASING = new Set([
  'break',
  'delete',
  'emphasis',
  'footnoteReference',
  'html',
  'image',
  'imageReference',
  'inlineCode',
  'link',
  'linkReference',
  'strong',
  'text',
]);

/** Runs of inline nodes (what MDX leaves in an element written on one line) as paragraphs, so they stay blocks. */
function asBlocks(nodes: RootContent[]): RootContent[] {
  const blocks: RootContent[] = [];
  let run: PhrasingContent[] | undefined;
  for (const node of nodes) {
    if (!PHRASING.has(node.type)) {
      run = undefined;
      blocks.push(node);
    } else if (run) run.push(node as PhrasingContent);
    else {
      run = [node as PhrasingContent];
      blocks.push({ type: 'paragraph', children: run });
    }
  }
  return blocks;
}

function attributesOf(node: MdxElement): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const attribute of node.attributes) {
    // A spread (`{...props}`) names nothing a rule could read.
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const value = attribute.value;
    if (value === null || value === undefined) attributes[attribute.name] = true;
    else if (typeof value === 'string') attributes[attribute.name] = value;
    else attributes[attribute.name] = { expression: value.value.trim() };
  }
  return attributes;
}

/** Block types that cannot stand inside a line of text. */
const BLOCKS = new Set(['blockquote', 'code', 'definition', 'heading', 'list', 'listItem', 'table', 'thematicBreak']);

/** A component used inside a line of text: its paragraphs' content, in the line. */
function inline(nodes: RootContent[], name: string, state: State): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (BLOCKS.has(node.type)) {
      state.conversion.warn?.(`<${name}> inside a line of text renders as a ${node.type}, which the twin leaves out`);
      continue;
    }
    if (out.length > 0 && node.type === 'paragraph') out.push({ type: 'text', value: ' ' });
    out.push(...(node.type === 'paragraph' ? node.children : [node]));
  }
  return out;
}

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'source', 'wbr']);

/** An HTML element stays HTML around its converted content, which Markdown readers render as the page does. */
function htmlElement(node: MdxElement, name: string, children: RootContent[]): RootContent[] {
  const attributes = Object.entries(attributesOf(node))
    .filter((entry): entry is [string, string | true] => typeof entry[1] !== 'object')
    .map(([key, value]) => (value === true ? ` ${key}` : ` ${key}="${escapeHtml(value)}"`))
    .join('');
  const html = (value: string): Html => ({ type: 'html', value });
  if (VOID_ELEMENTS.has(name)) return [html(`<${name}${attributes} />`)];
  const open = html(`<${name}${attributes}>`);
  const close = html(`</${name}>`);
  if (node.type === 'mdxJsxTextElement') return [open, ...children, close];
  const blocks = asBlocks(children);
  const only = blocks.length === 1 ? blocks[0] : undefined;
  if (only?.type === 'paragraph') {
    const paragraph: Paragraph = { type: 'paragraph', children: [open, ...only.children, close] as PhrasingContent[] };
    return [paragraph];
  }
  if (blocks.length === 0) return [html(`${open.value}${close.value}`)];
  return [open, ...blocks, close];
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
