import type { APIContext } from 'astro';
import { CARD_VERSION, renderCard } from '../../../cards/render-card';
import { pageKey, site } from '../../../lib/site';
import type { ShareCard } from '../../../lib/site-model';

// Every share card, drawn once and kept while what it shows is unchanged (its cacheKey).
export const getStaticPaths = () =>
	site.cards.map(({ kind, id, card }) => ({ params: { kind, id }, props: { card }, cacheKey: pageKey(card, CARD_VERSION) }));

export const GET = async ({ props }: APIContext<{ card: ShareCard }>) =>
	new Response(new Uint8Array(await renderCard(props.card, site.settings.theme.accent)), { headers: { 'Content-Type': 'image/png' } });
