import { FIELD_SEPARATOR, codePoints, normalise, shardOf } from './normalise';

/** A page as the search sees it. */
export interface SearchPage {
	url: string;
	title: string;
	/** 文章 / 活动 / 嘉宾 */
	kind: string;
	/** YYYY, YYYY-MM or YYYY-MM-DD, if the page has a date. */
	date?: string;
	/** Event the page belongs to, for display. */
	event?: string;
	/** Every name the page's subject goes by (speakers): matches here rank like title matches. */
	names: string[];
	/** The page's searchable body text. */
	body: string;
	/** Facet values: kind, year, event, topic, speaker. */
	filters: Record<string, string[]>;
}

/** Shapes of the files the browser reads; see search-client.ts. */
export interface Manifest {
	version: 1;
	pages: number;
	shards: number;
	/** Pages per display chunk in pages/<n>.json. */
	chunk: number;
}
/** Per page, for ranking every exact match without loading its text. */
export interface RankTable {
	/** End (exclusive, in normalised characters) of the title, then of the names. */
	titleEnd: number[];
	namesEnd: number[];
	/** One letter per page: a(rticle), e(vent), s(peaker). */
	kind: string;
	/** YYYYMMDD with zeros for unknown parts, 0 when undated. */
	date: number[];
}
/** [url, title, kind, date, event] */
export type PageRow = [string, string, string, string, string];

export const KIND_CODE: Record<string, string> = { 文章: 'a', 活动: 'e', 嘉宾: 's' };
const PAGES_PER_CHUNK = 128;

/** The text a page is indexed under: title, names and body, kept apart by a separator. */
export const searchableText = (p: Pick<SearchPage, 'title' | 'names' | 'body'>) =>
	[p.title, p.names.join(FIELD_SEPARATOR), p.body].join(FIELD_SEPARATOR);

/**
 * The exact-match index: for every bigram of every page's normalised text, the pages and
 * offsets it occurs at, sharded by hash so a query fetches only the shards of its bigrams.
 */
export function buildExactIndex(input: SearchPage[]): Map<string, string> {
	const pages = [...input].sort((a, b) => (a.url < b.url ? -1 : 1));
	const shards = shardCount(pages.reduce((n, p) => n + p.body.length, 0));
	const postings: Map<string, Map<number, number[]>>[] = Array.from({ length: shards }, () => new Map());
	const rank: RankTable = { titleEnd: [], namesEnd: [], kind: '', date: [] };

	pages.forEach((page, id) => {
		const chars = codePoints(normalise(searchableText(page)).chars);
		rank.titleEnd.push(codePoints(normalise(page.title).chars).length);
		rank.namesEnd.push(codePoints(normalise(page.title + FIELD_SEPARATOR + page.names.join(FIELD_SEPARATOR)).chars).length);
		rank.kind += KIND_CODE[page.kind] ?? 'a';
		rank.date.push(page.date ? Number(page.date.replace(/-/g, '').padEnd(8, '0')) : 0);
		for (let i = 0; i + 1 < chars.length; i++) {
			const bigram = chars[i]! + chars[i + 1]!;
			if (bigram.includes(FIELD_SEPARATOR)) continue;
			const shard = postings[shardOf(bigram, shards)]!;
			let byPage = shard.get(bigram);
			if (!byPage) shard.set(bigram, (byPage = new Map()));
			let offsets = byPage.get(id);
			if (!offsets) byPage.set(id, (offsets = []));
			offsets.push(i);
		}
	});

	const files = new Map<string, string>();
	const manifest: Manifest = { version: 1, pages: pages.length, shards, chunk: PAGES_PER_CHUNK };
	files.set('manifest.json', JSON.stringify(manifest));
	files.set('rank.json', JSON.stringify(rank));
	postings.forEach((shard, n) => files.set(`shards/${n}.json`, JSON.stringify(Object.fromEntries([...shard].map(([g, byPage]) => [g, encodePostings(byPage)])))));
	for (let c = 0; c * PAGES_PER_CHUNK < pages.length; c++) {
		const rows: PageRow[] = pages.slice(c * PAGES_PER_CHUNK, (c + 1) * PAGES_PER_CHUNK).map((p) => [p.url, p.title, p.kind, p.date ?? '', p.event ?? '']);
		files.set(`pages/${c}.json`, JSON.stringify(rows));
	}
	// Facets: for each filter and value, the pages filed under it (delta-encoded page numbers).
	const facets = new Map<string, Map<string, number[]>>();
	pages.forEach((p, id) => {
		for (const [name, values] of Object.entries(p.filters)) {
			const byValue = facets.get(name) ?? facets.set(name, new Map()).get(name)!;
			for (const v of new Set(values)) (byValue.get(v) ?? byValue.set(v, []).get(v)!).push(id);
		}
	});
	for (const [name, byValue] of facets) {
		files.set(`filters/${name}.json`, JSON.stringify(Object.fromEntries([...byValue].map(([v, ids]) => [v, ids.map((id, i) => id - (ids[i - 1] ?? 0))]))));
	}
	files.set('filters.json', JSON.stringify([...facets.keys()]));
	// The original text, for excerpts of the few results on screen (as Pagefind's fragments are).
	pages.forEach((p, id) => files.set(`text/${id}.txt`, searchableText(p)));
	return files;
}

/** [page delta, count, first offset, offset deltas…] per page: small as JSON, fast to decode. */
function encodePostings(byPage: Map<number, number[]>): number[] {
	const out: number[] = [];
	let previous = 0;
	for (const [page, offsets] of [...byPage].sort((a, b) => a[0] - b[0])) {
		out.push(page - previous, offsets.length, offsets[0]!);
		for (let i = 1; i < offsets.length; i++) out.push(offsets[i]! - offsets[i - 1]!);
		previous = page;
	}
	return out;
}

/** Roughly 32 KB of postings per shard, in a power of two from 1 to 4096. */
function shardCount(characters: number): number {
	const target = Math.ceil((characters * 4) / 32_768);
	return Math.min(4096, 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, target)))));
}
