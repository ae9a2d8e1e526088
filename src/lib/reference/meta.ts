import { markdownToMdast } from 'satteri';

/** Search result titles are cut at about 60 characters and descriptions at about 160; keep both inside. */
export const TITLE_LIMIT = 60;
export const DESCRIPTION_MIN = 110;
export const DESCRIPTION_MAX = 160;

/**
 * Plain text from a CommonMark snippet, for titles, meta descriptions, `og:*`, JSON-LD and link labels: the words a
 * reader sees on the rendered page, with link targets, emphasis marks, HTML and code blocks left out, and the text of
 * inline code and underscores kept (`/vector_stores/` stays as it is written).
 */
export function plainText(markdown: string | undefined): string {
  if (!markdown?.trim()) return '';
  const parts: string[] = [];
  const visit = (node: MdNode) => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'image' || node.type === 'definition') return;
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value ?? '');
    else if (node.type === 'break') parts.push(' ');
    for (const child of node.children ?? []) visit(child);
    // Blocks (paragraphs, list items, headings) end a sentence-like unit: keep them apart.
    if (node.type !== 'root' && !INLINE.has(node.type)) parts.push(' ');
  };
  visit(markdownToMdast(markdown) as MdNode);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}
const INLINE = new Set(['text', 'inlineCode', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'break']);

export function metaTitle(text: string): string {
  if (text.length <= TITLE_LIMIT) return text;
  const cut = text.slice(0, TITLE_LIMIT - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/**
 * A description within the limits: the first sentences of the source that fit, topped up with `context` when the
 * source is too short, cut at a word boundary when it is too long.
 */
export function metaDescription(source: string | undefined, context: string): string {
  let text = '';
  for (const sentence of plainText(source).split(/(?<=[.!?])\s+/)) {
    if (!sentence) continue;
    const next = text ? `${text} ${sentence}` : sentence;
    if (next.length > DESCRIPTION_MAX) break;
    text = next;
  }
  if (text.length < DESCRIPTION_MIN) text = text ? `${text.replace(/[.!?]?$/, '.')} ${context}` : context;
  if (text.length > DESCRIPTION_MAX) {
    const cut = text.slice(0, DESCRIPTION_MAX - 1);
    text = `${cut.slice(0, cut.lastIndexOf(' '))}…`;
  }
  while (text.length < DESCRIPTION_MIN) text = `${text} Engine Room sandbox API reference.`.slice(0, DESCRIPTION_MAX);
  return text;
}
