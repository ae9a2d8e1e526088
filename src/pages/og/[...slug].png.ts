import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { referenceApis } from '../../lib/reference/model';
import { renderCardPng } from '../../lib/seo/render-card';
import { allCards, type SocialCard } from '../../lib/seo/social-card';

/** One 1200×630 social card per article and reference page, rendered once at build time (src/lib/seo/). */
export const getStaticPaths = (async () => {
  const articles = (await getCollection('docs')).map((entry) => ({ id: entry.id, title: entry.data.title }));
  return allCards(articles, referenceApis()).map((card) => ({ params: { slug: card.slug }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) =>
  new Response(await renderCardPng(props.card), { headers: { 'Content-Type': 'image/png' } });
