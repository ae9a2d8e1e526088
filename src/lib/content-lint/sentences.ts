import { textOf, type MdNode } from './mdast.ts';

/** A URL in prose; trailing punctuation belongs to the sentence, not the URL. */
const URL_PATTERN = /\b(?:https?:\/\/|mailto:|www\.)[^\s<>()[\]]*[^\s<>()[\].,;:!?'"]/gi;

/** Words in a piece of prose: whitespace-separated tokens with at least one letter or digit, URLs left out. */
export function countWords(text: string): number {
  return text
    .replace(URL_PATTERN, ' ')
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Abbreviations that never end a sentence, compared lower-case and without the final dot. */
const NEVER_FINAL = new Set([
  'e.g',
  'eg',
  'i.e',
  'ie',
  'cf',
  'vs',
  'viz',
  'approx',
  'incl',
  'ca',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'fig',
  'figs',
]);

/**
 * Split prose into sentences at `.`, `?` or `!` (plus closing quotes or brackets) followed by a space or the end.
 * Not a boundary: a known abbreviation (`e.g.`, `i.e.`, `vs.`), `No.` before a number, an ellipsis (`...`), or a
 * mark followed by a lower-case word (`etc. and`, a quoted question mid-sentence). Dots inside numbers (`2.5`,
 * `v1.2.3`), domains and URLs are never followed by a space, so they never split. Replace inline code before calling
 * this (see `paragraphSentences`) so dots inside it are ignored too.
 */
export function splitSentences(text: string): string[] {
  const clean = text.replace(URL_PATTERN, 'URL').replace(/\s+/g, ' ').trim();
  const sentences: string[] = [];
  let start = 0;
  for (const match of clean.matchAll(/([.?!]+)(["'”’)\]]*)(?=\s|$)/g)) {
    const marks = match[1] ?? '';
    const end = match.index + match[0].length;
    const word = (/\S*$/.exec(clean.slice(start, match.index))?.[0] ?? '')
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .toLowerCase();
    const next = clean.slice(end).trimStart();
    if (marks.includes('..')) continue;
    if (marks === '.' && NEVER_FINAL.has(word)) continue;
    if (marks === '.' && word === 'no' && /^\d/.test(next)) continue;
    if (/^\p{Ll}/u.test(next)) continue;
    sentences.push(clean.slice(start, end).trim());
    start = end;
  }
  sentences.push(clean.slice(start).trim());
  return sentences.filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

export const countSentences = (text: string): number => splitSentences(text).length;

/** A paragraph node's sentences; inline code counts as one opaque word, so its dots never split. */
export const paragraphSentences = (node: MdNode): string[] => splitSentences(textOf(node, () => 'Code'));
