import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { cardLayout } from './card-layout';
import { CARD_HEIGHT, CARD_WIDTH, type SocialCard } from './social-card';

// Fonts come from npm so that a build never fetches anything; satori reads WOFF and TTF, not WOFF2.
const fromProject = createRequire(`${process.cwd()}/package.json`);
const fontFile = (weight: number) => fromProject.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`);

interface Assets {
  fonts: { name: string; data: Buffer; weight: 400 | 600 | 700; style: 'normal' }[];
  logo: string;
}

let assets: Promise<Assets> | undefined;

/** Fonts and logo are read once per build, not once per card. */
function loadAssets(): Promise<Assets> {
  assets ??= (async () => {
    const weights = [400, 600, 700] as const;
    const fonts = await Promise.all(
      weights.map(async (weight) => ({
        name: 'Inter',
        data: await readFile(fontFile(weight)),
        weight,
        style: 'normal' as const,
      })),
    );
    const logo = await readFile(`${process.cwd()}/src/assets/logo.svg`);
    return { fonts, logo: `data:image/svg+xml;base64,${logo.toString('base64')}` };
  })();
  return assets;
}

export async function renderCardSvg(card: SocialCard): Promise<string> {
  const { fonts, logo } = await loadAssets();
  return satori(cardLayout(card, logo) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
}

export async function renderCardPng(card: SocialCard): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await renderCardSvg(card);
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render().asPng());
}

/** The site logo as a square PNG, for the Organization's `logo` (search engines want a raster image). */
export async function renderLogoPng(size: number): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await readFile(`${process.cwd()}/src/assets/logo.svg`, 'utf8');
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}
