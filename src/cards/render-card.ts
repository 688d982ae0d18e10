import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import type { ShareCard } from '../lib/site-model';
// Extensions written out: this file also runs in the drawing thread (card-worker.ts), loaded by Node itself.
import { CARD_SIZE } from './card-size.ts';

// Share cards (og:image, JSON-LD image): 1200×630 PNGs drawn at build time. satori lays the card out
// and turns every glyph into a path, so no font is needed to show it; sharp (libvips' SVG renderer,
// already Astro's image library) rasterises it and quantises it to 16 colours without dithering (a
// card is a few flat colours and their anti-aliasing). Per card on this kind of machine (2026-12-03,
// 20 cards): satori ~12 ms; then 16 colours ~18 ms and ~10 KB, against 64 colours with dithering
// ~52 ms / ~15 KB, plain PNG ~11 ms / ~38 KB, resvg ~85 ms. In a build they are drawn on a thread of
// their own, beside the pages (./share-cards.ts); unchanged cards are not drawn again.

/** Bump when the drawing changes, so that every cached card is drawn again. */
export const CARD_VERSION = 1;

/** Noto Sans SC (Google Fonts, OFL) as npm carries it: the 400 and 700 weights, read once per build. */
let fonts: Font[] | undefined;
function loadFonts(): Font[] {
	if (!fonts) {
		const require = createRequire(import.meta.url);
		const file = (weight: string) => readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`));
		// One array for the whole build: satori keeps the parsed fonts per array, and parsing takes ~0.6 s.
		fonts = [
			{ name: 'Noto Sans SC', data: file('400Regular'), weight: 400, style: 'normal' },
			{ name: 'Noto Sans SC', data: file('700Bold'), weight: 700, style: 'normal' },
		];
	}
	return fonts;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

/** The card as satori's element tree: the site and kind above, the name large, up to two lines below, the site's tagline at the foot. */
function layout(card: ShareCard, accent: string): Node {
	const long = [...card.title].length > 16;
	return el('div', { display: 'flex', width: '100%', height: '100%', background: '#fbfaf7', fontFamily: 'Noto Sans SC', color: '#1d1d1f' }, [
		el('div', { width: 20, height: '100%', flexShrink: 0, background: accent }),
		el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', flexGrow: 1, padding: '56px 72px 52px 64px' }, [
			el('div', { display: 'flex', fontSize: 30, color: '#5b5b60' }, [el('span', { fontWeight: 700, color: accent }, card.site), ...(card.kind ? [el('span', { marginLeft: 20 }, card.kind)] : [])]),
			el('div', { display: 'flex', flexDirection: 'column' }, [
				el('div', { display: 'block', fontSize: long ? 56 : 72, fontWeight: 700, lineHeight: 1.25, lineClamp: 2 }, card.title),
				...card.lines.slice(0, 2).map((line) => el('div', { display: 'block', fontSize: 30, lineHeight: 1.45, color: '#45454a', marginTop: 18, lineClamp: 2 }, line)),
			]),
			el('div', { display: 'flex', fontSize: 24, color: '#5b5b60' }, card.footer),
		]),
	]);
}

/** The PNG of one card. */
export async function renderCard(card: ShareCard, accent: string): Promise<Buffer> {
	const svg = await satori(layout(card, accent) as Parameters<typeof satori>[0], { ...CARD_SIZE, fonts: loadFonts() });
	return sharp(Buffer.from(svg)).png({ palette: true, colours: 16, dither: 0, compressionLevel: 6, effort: 1 }).toBuffer();
}
