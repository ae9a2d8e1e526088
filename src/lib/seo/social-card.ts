import { metaTitle } from '../reference/meta';
import type { ApiSummary, PageKind } from './page-kind';

/** The size every social network accepts for a large preview (about 1.91:1). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What one social card shows, and the file it is rendered to (`og/<slug>.png`). */
export interface SocialCard {
  slug: string;
  title: string;
  section: string;
}

/** The card for pages that have none of their own (the 404 page, pages added later). */
export const SITE_CARD: SocialCard = {
  slug: 'site',
  title: 'Learn backend integration and APIs by running them',
  section: 'Engine Room',
};

export function cardPath(card: SocialCard): string {
  return `/og/${card.slug}.png`;
}

/** The card of one page; `title` is the page's own title, used for articles. */
export function cardFor(page: PageKind, title: string): SocialCard {
  switch (page.kind) {
    case 'home':
      return { slug: 'index', title, section: 'Guides and sandbox APIs' };
    case 'article':
      return { slug: page.id, title, section: 'Learn' };
    case 'reference-index':
      return { slug: 'reference', title: 'API reference', section: 'Sandbox APIs' };
    case 'api':
      return { slug: `reference/${page.api.api}`, title: page.api.title, section: 'API reference' };
    case 'operation':
      return {
        slug: `reference/${page.api.api}/${page.operation.slug}`,
        title: page.operation.summary,
        section: `${page.api.title.replace(/^Engine Room\s+/, '')} · ${page.operation.method} ${page.operation.path}`,
      };
    case 'api-page':
      return apiPageCard(page.api, page.page, title) ?? SITE_CARD;
    case 'page':
      return SITE_CARD;
  }
}

/** Each API's interactive explorer (`/reference/<api>/explorer/`). */
function explorerCard(api: ApiSummary): SocialCard {
  return { slug: `reference/${api.api}/explorer`, title: `${api.title} explorer`, section: 'Try every operation live' };
}

/**
 * The explorer, the schema list and each webhook page of one API have a card of their own. Schema pages share the
 * schema list's card: a large document has well over a thousand schemas (Square's 1,401), and a card each would
 * add a minute of build time and tens of megabytes of images that links to a schema seldom show.
 */
function apiPageCard(api: ApiSummary, page: string, title: string): SocialCard | undefined {
  if (page === 'explorer') return explorerCard(api);
  const short = api.title.replace(/^Engine Room\s+/, '');
  if (page === 'schemas' || page.startsWith('schemas/'))
    return { slug: `reference/${api.api}/schemas`, title: schemaIndexTitle(api), section: `${short} · All schemas` };
  const [kind, slug] = page.split('/');
  if (kind !== 'webhooks' || !slug) return undefined;
  return { slug: `reference/${api.api}/webhooks/${slug}`, title, section: `${short} · Webhook` };
}

/** The title of an API's schema list, for its page and its card. */
export const schemaIndexTitle = (api: { title: string }) => metaTitle(`${api.title} schemas`);

/** Every card the site needs: one per article, the home page, and every reference page. Rendered once each. */
export function allCards(
  articles: readonly { id: string; title: string }[],
  apis: readonly ApiSummary[],
): SocialCard[] {
  const cards = [SITE_CARD, cardFor({ kind: 'reference-index' }, 'API reference')];
  for (const article of articles) {
    if (article.id === '' || article.id === 'index') cards.push(cardFor({ kind: 'home' }, article.title));
    else if (/^guides\/[^/]+$/.test(article.id))
      cards.push(cardFor({ kind: 'article', id: article.id }, article.title));
  }
  for (const api of apis) {
    cards.push(cardFor({ kind: 'api', api }, api.title), explorerCard(api));
    for (const operation of api.operations)
      cards.push(cardFor({ kind: 'operation', api, operation }, operation.summary));
    const pages = [
      ...(api.schemas?.length ? [{ page: 'schemas', title: schemaIndexTitle(api) }] : []),
      ...(api.webhooks ?? []).map((webhook) => ({ page: `webhooks/${webhook.slug}`, title: webhook.title })),
    ];
    for (const { page, title } of pages) cards.push(apiPageCard(api, page, title)!);
  }
  return cards;
}

/** A spoken description of a card, for `og:image:alt`: what is written on it. */
export function cardAlt(card: SocialCard): string {
  return `${card.title}, ${card.section}. Engine Room`;
}
