/**
 * Everything a page needs for search engines and link previews, from what Starlight's route data knows about it:
 * the social-card image, the Open Graph and Twitter tags Starlight does not write, and the JSON-LD graph.
 */
import { canonicalHref, socialHead, type HeadEntry } from './head-tags';
import { howToSteps, type Heading } from './how-to';
import { jsonLdText, structuredData, type SiteInfo } from './json-ld';
import { classifyPage, type ApiSummary } from './page-kind';
import { absoluteUrl, homeUrl } from './site-url';
import { CARD_HEIGHT, CARD_WIDTH, cardAlt, cardFor, cardPath } from './social-card';

/** Where the learning path starts (the home page's first button): "Learn" in an article's breadcrumbs. */
export const LEARN_PATH = '/guides/what-is-backend-integration/';
/** The square logo rendered next to the cards, for the Organization's `logo`. */
export const LOGO_PATH = '/og/logo.png';

export interface PageSeoInput {
  /** Starlight's id of the page: the entry id, or the URL path without base for `StarlightPage`. */
  id: string;
  title: string;
  description: string;
  updated?: Date | undefined;
  headings: readonly Heading[];
  /** The page's Markdown source; empty for generated pages. */
  markdown: string;
  /** The head Starlight built, to read the canonical URL from, so that og:url and the JSON-LD agree with it. */
  head: readonly HeadEntry[];
  pathname: string;
  site: string | URL;
  base: string;
  apis: readonly ApiSummary[];
}

export function pageSeoHead(input: PageSeoInput): HeadEntry[] {
  const kind = classifyPage(input.id, input.apis);
  const card = cardFor(kind, input.title);
  const url = canonicalHref(input.head) ?? new URL(input.pathname, input.site).href;
  const image = absoluteUrl(input.site, input.base, cardPath(card));
  const site: SiteInfo = {
    home: homeUrl(input.site, input.base),
    logo: absoluteUrl(input.site, input.base, LOGO_PATH),
    learn: absoluteUrl(input.site, input.base, LEARN_PATH),
    language: 'en',
  };
  const graph = structuredData({
    site,
    page: { title: input.title, description: input.description, url, image, updated: input.updated },
    kind,
    apis: input.apis,
    steps: kind.kind === 'article' ? howToSteps(kind.id, input.headings, input.markdown) : [],
  });
  return socialHead({
    title: input.title,
    description: input.description,
    image,
    imageAlt: cardAlt(card),
    imageWidth: CARD_WIDTH,
    imageHeight: CARD_HEIGHT,
    type: kind.kind === 'home' ? 'website' : 'article',
    jsonLd: jsonLdText(graph),
  });
}
