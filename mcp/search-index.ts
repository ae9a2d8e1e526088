/**
 * Full-text search over the site's pages for `search_docs`: MiniSearch (BM25 with prefix and fuzzy matching), with
 * titles weighted above headings and headings above body text, and an excerpt around the first word that matched.
 */
import MiniSearch from 'minisearch';
import type { PageKind, SitePage } from './page-lookup.ts';

export interface SearchHit {
  page: SitePage;
  score: number;
  excerpt: string;
}

interface IndexedPage {
  id: number;
  title: string;
  aliases: string;
  headings: string;
  text: string;
}

/** Words that say nothing about which page is meant; a question phrased in full should rank like its keywords. */
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how i in is it my of on or the to what when where which with you your'.split(
    ' ',
  ),
);

/** Words as MiniSearch's default splits them, plus the parts of camelCase names (`createPaymentIntent`). */
function tokenize(text: string): string[] {
  const words = text.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  return words.flatMap((word) => {
    const parts = word.split(/_|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
    return parts.length > 1 ? [word, ...parts] : [word];
  });
}

const processTerm = (term: string) => {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
};

export class SearchIndex {
  readonly #pages: readonly SitePage[];
  readonly #search: MiniSearch<IndexedPage>;

  constructor(pages: readonly SitePage[]) {
    this.#pages = pages;
    this.#search = new MiniSearch<IndexedPage>({
      fields: ['title', 'aliases', 'headings', 'text'],
      tokenize,
      processTerm,
      searchOptions: {
        boost: { title: 4, aliases: 3, headings: 2, text: 1 },
        prefix: (term) => term.length >= 3,
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        combineWith: 'OR',
      },
    });
    this.#search.addAll(
      pages.map((page, id) => {
        const lines = page.markdown().split('\n');
        return {
          id,
          title: page.title,
          aliases: `${page.aliases.join(' ')} ${page.description}`,
          headings: lines.filter((line) => /^#{1,6}\s/.test(line)).join('\n'),
          text: lines.filter((line) => !/^#{1,6}\s/.test(line)).join('\n'),
        };
      }),
    );
  }

  search(query: string, options: { limit?: number; kind?: PageKind | undefined } = {}): SearchHit[] {
    const { kind, limit = 8 } = options;
    const results = this.#search.search(
      query,
      kind ? { filter: (result) => this.#pages[result.id]!.kind === kind } : {},
    );
    return results.slice(0, limit).map((result) => {
      const page = this.#pages[result.id]!;
      return { page, score: Math.round(result.score * 100) / 100, excerpt: excerptOf(page.markdown(), result.terms) };
    });
  }
}

/** About 240 characters of plain text around the first body line that contains one of the matched words. */
export function excerptOf(markdown: string, terms: readonly string[], size = 240): string {
  const lines = markdown
    .split('\n')
    .filter((line) => line.trim() && !/^(#|```|\||---)/.test(line.trim()))
    .map(plain);
  const lower = terms.map((term) => term.toLowerCase());
  const hit = lines.find((line) => lower.some((term) => line.toLowerCase().includes(term))) ?? lines[0] ?? '';
  const positions = lower.map((term) => hit.toLowerCase().indexOf(term)).filter((index) => index >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, first - size / 3);
  const text = hit.slice(start, start + size).trim();
  return `${start > 0 ? '…' : ''}${text}${start + size < hit.length ? '…' : ''}`;
}

/** A Markdown line as a reader would read it: links as their text, no bold or code marks (`_` stays: ids use it). */
const plain = (line: string) =>
  line
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]+/g, '')
    .replace(/^\s*(>|[-*]|\d+\.)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
