import { CARD_HEIGHT, CARD_WIDTH, type SocialCard } from './social-card';

/** The palette of `src/styles/theme.css` and `src/assets/logo.svg`: brass on deep navy, well above 7:1 contrast. */
export const CARD_COLORS = {
  background: '#141d33',
  panel: '#1e2a4a',
  accent: '#ffb347',
  title: '#ffffff',
  muted: '#c9d2ea',
};

/** A node of the element tree satori renders; the same shape as a React element, without React. */
export interface CardNode {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: CardNode | string | (CardNode | string)[];
    src?: string;
  };
}

const PADDING_X = 80;
const PADDING_Y = 64;

const node = (type: string, style: Record<string, string | number>, children?: CardNode['props']['children']) => ({
  type,
  props: { style, ...(children === undefined ? {} : { children }) },
});

/**
 * Title size by length, so that a short title fills the card and the longest (60 characters, the SEO limit) still fits
 * in three lines. Longer text is cut with an ellipsis rather than overflowing.
 */
export function titleFontSize(title: string): number {
  const length = [...title].length;
  if (length <= 24) return 88;
  if (length <= 40) return 76;
  if (length <= 60) return 64;
  return 54;
}

export function cardLayout(card: SocialCard, logoDataUrl: string): CardNode {
  const fontSize = titleFontSize(card.title);
  return node(
    'div',
    {
      // Satori sizes boxes without their padding (content-box), so the padding is taken off here.
      width: CARD_WIDTH - 2 * PADDING_X,
      height: CARD_HEIGHT - 2 * PADDING_Y,
      display: 'flex',
      flexDirection: 'column',
      padding: `${PADDING_Y}px ${PADDING_X}px`,
      backgroundColor: CARD_COLORS.background,
      backgroundImage: `linear-gradient(135deg, ${CARD_COLORS.background} 55%, ${CARD_COLORS.panel} 100%)`,
      fontFamily: 'Inter',
      color: CARD_COLORS.title,
    },
    [
      node('div', { display: 'flex', alignItems: 'center' }, [
        { type: 'img', props: { src: logoDataUrl, style: { width: 64, height: 64 } } },
        node('div', { marginLeft: 22, fontSize: 34, fontWeight: 700, color: CARD_COLORS.title }, 'Engine Room'),
      ]),
      node('div', { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, minHeight: 0 }, [
        node(
          'div',
          {
            display: 'block',
            fontSize: 30,
            fontWeight: 600,
            color: CARD_COLORS.accent,
            lineClamp: 1,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            maxWidth: CARD_WIDTH - 2 * PADDING_X,
          },
          card.section,
        ),
        node(
          'div',
          {
            display: 'block',
            marginTop: 20,
            fontSize,
            fontWeight: 700,
            lineHeight: 1.12,
            letterSpacing: '-0.02em',
            lineClamp: 3,
            maxWidth: CARD_WIDTH - 2 * PADDING_X,
          },
          card.title,
        ),
      ]),
      node('div', { display: 'flex', alignItems: 'center', fontSize: 26, color: CARD_COLORS.muted }, [
        node('div', { width: 56, height: 8, borderRadius: 4, marginRight: 20, backgroundColor: CARD_COLORS.accent }),
        'Learn APIs by running them in your browser',
      ]),
    ],
  );
}
