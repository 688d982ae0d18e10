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

export interface Manifest {
	version: 3;
	pages: number;
	shards: number;
	/** Pages per file in docs/: page n is entry n % docsPerFile of docs/<n / docsPerFile>.json. */
	docsPerFile: number;
}
/** What the results list shows of a page, fetched only when shown (with its neighbours in page order). */
export interface PageDoc {
	url: string;
	title: string;
	kind: string;
	date: string;
	event: string;
	body: string;
}

/**
 * Offsets say where a match is, so ranking needs no table of titles: title characters count from 0,
 * names from NAMES (a speaker's own names from SPEAKER_NAMES), the body from BODY.
 */
export const REGION = { NAMES: 1 << 20, SPEAKER_NAMES: 2 << 20, BODY: 3 << 20 } as const;

/** Each region of a page (title, each name, body) as normalised characters, with its first offset. */
export function regions(p: Pick<SearchPage, 'title' | 'names' | 'body' | 'kind'>): { start: number; chars: string[] }[] {
	const chars = (text: string) => codePoints(normalise(text).chars);
	const out = [{ start: 0, chars: chars(p.title) }];
	// Names lie end to end in their region, a gap apart, so no bigram spans two of them.
	let at = p.kind === '嘉宾' ? REGION.SPEAKER_NAMES : REGION.NAMES;
	for (const name of p.names) {
		out.push({ start: at, chars: chars(name) });
		at += out.at(-1)!.chars.length + 1;
	}
	out.push({ start: REGION.BODY, chars: chars(p.body) });
	return out;
}

/** Page numbering of the index: newest first, undated last, then by URL. */
export const indexOrder = <T extends Pick<SearchPage, 'date' | 'url'>>(pages: T[]): T[] =>
	[...pages].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (a.url < b.url ? -1 : 1));

/** The text a page is searched in, as one string: regions kept apart by a separator. */
export const searchableText = (p: Pick<SearchPage, 'title' | 'names' | 'body'>) => [p.title, ...p.names, p.body].join(FIELD_SEPARATOR);

/**
 * The exact-match index: for every bigram of every page, the pages and offsets it occurs at,
 * sharded by hash so a query fetches only the shards of its bigrams. Pages are numbered newest
 * first, so "sort by date" is page order.
 */
export function buildExactIndex(input: SearchPage[]): Map<string, string> {
	const pages = indexOrder(input);
	const shards = shardCount(pages.reduce((n, p) => n + p.body.length, 0));
	const postings: Map<string, Map<number, number[]>>[] = Array.from({ length: shards }, () => new Map());

	pages.forEach((page, id) => {
		for (const { start, chars } of regions(page)) {
			for (let i = 0; i + 1 < chars.length; i++) {
				const bigram = chars[i]! + chars[i + 1]!;
				const shard = postings[shardOf(bigram, shards)]!;
				let byPage = shard.get(bigram);
				if (!byPage) shard.set(bigram, (byPage = new Map()));
				let offsets = byPage.get(id);
				if (!offsets) byPage.set(id, (offsets = []));
				offsets.push(start + i);
			}
		}
	});

	const files = new Map<string, string>();
	// Serialised once: sizes decide the bundling, and files are these texts joined.
	const docs = pages.map((p) => JSON.stringify({ url: p.url, title: p.title, kind: p.kind, date: p.date ?? '', event: p.event ?? '', body: p.body } satisfies PageDoc));
	const docsPerFile = docsFileSize(docs);
	const manifest: Manifest = { version: 3, pages: pages.length, shards, docsPerFile };
	files.set('manifest.json', JSON.stringify(manifest));
	postings.forEach((shard, n) => files.set(`shards/${n}.json`, JSON.stringify(Object.fromEntries([...shard].map(([g, byPage]) => [g, encodePostings(byPage)])))));
	for (let first = 0; first < docs.length; first += docsPerFile) {
		files.set(`docs/${first / docsPerFile}.json`, `[${docs.slice(first, first + docsPerFile).join(',')}]`);
	}
	// Facets: for each filter and value, the pages filed under it (delta-encoded page numbers).
	const facets = new Map<string, Map<string, number[]>>();
	pages.forEach((p, id) => {
		for (const [name, values] of Object.entries(p.filters)) {
			const byValue = facets.get(name) ?? facets.set(name, new Map()).get(name)!;
			for (const v of new Set(values)) (byValue.get(v) ?? byValue.set(v, []).get(v)!).push(id);
		}
	});
	// One file: every facet is needed as soon as the first results are shown.
	const encoded = [...facets].map(([name, byValue]) => [name, Object.fromEntries([...byValue].map(([v, ids]) => [v, ids.map((id, i) => id - (ids[i - 1] ?? 0))]))]);
	files.set('filters.json', JSON.stringify(Object.fromEntries(encoded)));
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

/**
 * Pages per docs file. In a browser each request costs more than its bytes (10–25 ms each here, six
 * at a time over HTTP/1.1), so while the whole site's docs fit in a few dozen files of ~32 KB, they
 * are bundled that way: a page of results then shares a few files, neighbours in page order (same
 * date, often the same event). On a larger site ten results fall in ten files anyway, and a bundle
 * would only add bytes: one page per file.
 */
function docsFileSize(docs: string[]): number {
	const utf8 = new TextEncoder();
	const total = docs.reduce((n, d) => n + utf8.encode(d).length, 0);
	if (total > 32 * 32_768) return 1;
	return Math.max(1, Math.floor(32_768 / Math.max(1, total / Math.max(1, docs.length))));
}

/** Roughly 32 KB of postings per shard, in a power of two from 1 to 4096. */
function shardCount(characters: number): number {
	const target = Math.ceil((characters * 4) / 32_768);
	return Math.min(4096, 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, target)))));
}
