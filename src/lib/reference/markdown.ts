import { markdownToHtml } from 'satteri';

/** Descriptions in specs are CommonMark; render them once, at build time, with the site's Markdown engine. */
export function renderMarkdown(markdown: string | undefined): string {
  if (!markdown) return '';
  return markdownToHtml(markdown).html;
}
