import { describe, expect, test } from 'vitest';
import { CARD_COLORS, titleFontSize } from '../card-layout';
import { renderCardPng, renderCardSvg } from '../render-card';
import { allCards, cardFor, cardPath, SITE_CARD } from '../social-card';
import { payments, storage } from './fixtures';

describe('cardFor', () => {
  test.each([
    [{ kind: 'home' } as const, 'Welcome', { slug: 'index', title: 'Welcome', section: 'Guides and sandbox APIs' }],
    [
      { kind: 'article', id: 'guides/webhooks' } as const,
      'Webhooks',
      { slug: 'guides/webhooks', title: 'Webhooks', section: 'Learn' },
    ],
    [
      { kind: 'operation', api: payments, operation: payments.operations[0]! } as const,
      'ignored',
      {
        slug: 'reference/payments/create-payment-intent',
        title: 'Create a payment intent',
        section: 'Payments API · POST /payment_intents',
      },
    ],
    [
      { kind: 'api', api: payments } as const,
      'x',
      { slug: 'reference/payments', title: payments.title, section: 'API reference' },
    ],
    [
      { kind: 'api-page', api: payments, page: 'explorer' } as const,
      'x',
      {
        slug: 'reference/payments/explorer',
        title: 'Engine Room Payments API explorer',
        section: 'Try every operation live',
      },
    ],
    [{ kind: 'api-page', api: payments, page: 'changelog' } as const, 'Changelog', SITE_CARD],
    [{ kind: 'page' } as const, 'Page not found', SITE_CARD],
  ])('%j', (kind, title, expected) => {
    expect(cardFor(kind, title)).toEqual(expected);
  });

  test('every card of the site has its own file, and every page kind a card among them', () => {
    const cards = allCards(
      [
        { id: 'index', title: 'Home' },
        { id: 'guides/webhooks', title: 'Webhooks' },
        { id: '404', title: 'Page not found' },
      ],
      [payments, storage],
    );
    const paths = cards.map(cardPath);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/og/site.png',
        '/og/index.png',
        '/og/guides/webhooks.png',
        '/og/reference.png',
        '/og/reference/payments.png',
        '/og/reference/payments/create-payment-intent.png',
        '/og/reference/payments/explorer.png',
        '/og/reference/storage.png',
      ]),
    );
    expect(paths).not.toContain('/og/404.png');
  });
});

describe('titleFontSize', () => {
  test.each([
    ['Webhooks', 88],
    ['What is an API?', 88],
    ['Payment APIs: intents, holds and refunds', 76],
    ['Walkthrough: how a ride-hailing app integrates five APIs', 64],
    ['A title far longer than the sixty characters search results show before cutting', 54],
  ])('%j is set in %ipx', (title, size) => {
    expect(titleFontSize(title)).toBe(size);
  });
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('renderCardPng', () => {
  test.each([
    { slug: 'short', title: 'Webhooks', section: 'Learn' },
    {
      slug: 'long',
      title: 'Delete every document in a collection, its indexes, its history and the attachments of every version',
      section: 'Storage API · DELETE /collections/{collection}/documents/{id}/versions/{version}/attachments/{name}',
    },
  ])('renders "$slug" as a 1200×630 PNG', async (card) => {
    const png = await renderCardPng(card);
    expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });
});

/** The box around every glyph satori drew in one colour (its text paths use absolute M/L/Q coordinates). */
function textBounds(svg: string, fill: string) {
  const paths = [...svg.matchAll(new RegExp(`<path fill="${fill}" d="([^"]+)"`, 'g'))].map((match) => match[1]!);
  const numbers = paths.flatMap((d) => [...d.matchAll(/-?\d+(?:\.\d+)?/g)].map(Number));
  const xs = numbers.filter((_, index) => index % 2 === 0);
  const ys = numbers.filter((_, index) => index % 2 === 1);
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}

describe('card layout', () => {
  const longest = {
    slug: 'long',
    title: 'Delete every document in a collection, its indexes, its history and the attachments of every version',
    section: 'Storage API · DELETE /collections/{collection}/documents/{id}/versions/{version}/attachments/{name}',
  };

  test('a title and section far too long are cut inside the margins, above the footer line', async () => {
    const svg = await renderCardSvg(longest);
    const footer = textBounds(svg, CARD_COLORS.muted);
    for (const fill of [CARD_COLORS.title, CARD_COLORS.accent]) {
      const text = textBounds(svg, fill);
      expect(text.left).toBeGreaterThanOrEqual(80);
      expect(text.right).toBeLessThanOrEqual(1200 - 80);
      expect(text.bottom).toBeLessThan(footer.top);
    }
    expect(footer.bottom).toBeLessThan(630);
  });
});
