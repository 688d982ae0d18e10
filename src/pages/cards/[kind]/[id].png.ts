import type { APIContext } from 'astro';
import { shareCardPng, shareCards } from '../../../lib/site';

// Every share card, kept while what it shows is unchanged (its cacheKey).
export const getStaticPaths = () => shareCards.map(({ kind, id, key }) => ({ params: { kind, id }, props: { key }, cacheKey: key }));

export const GET = async ({ props }: APIContext<{ key: string }>) =>
	new Response(new Uint8Array(await shareCardPng(props.key)), { headers: { 'Content-Type': 'image/png' } });
