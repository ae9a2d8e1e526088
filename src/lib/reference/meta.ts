/** Search result titles are cut at about 60 characters and descriptions at about 160; keep both inside. */
export const TITLE_LIMIT = 60;
export const DESCRIPTION_MIN = 110;
export const DESCRIPTION_MAX = 160;

/** Plain text from a Markdown snippet: no links, emphasis, code marks or line breaks. */
export function plainText(markdown: string | undefined): string {
  return (markdown ?? '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

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
