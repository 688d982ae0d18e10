import { FIELD_SEPARATOR, codePoints, normalise, shardOf } from './normalise.ts';
import { encodeShard, packOffset, REGION } from './postings.ts';

/** A page as the search sees it. */
export interface SearchPage {
	url: string;
	title: string;
	/** 文章 / 活动 / 嘉宾: the kind as readers see it. */
	kind: string;
	/** A match in `names` ranks with the page's own names (a person's page for their name), not as a mention. */
	ownNames: boolean;
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
	/** A person's page: their name's pinyin, found by pinyin and initials (people.json), and how much they appear. */
	person?: PersonFacts;
}

/** What pinyin search knows of a person (src/search/person-search.ts). */
export interface PersonFacts {
	/** One lowercase syllable per character of the Chinese name, family name first (the `pinyin:` override's when given). */
	syllables: string[];
	/** How many of them are the family name. */
	family: number;
	/** Pages about the person (appearances, quotations, talks): ranks people whose names match alike. */
	weight: number;
}

/** people.json: one row per person, [page, syllables joined by spaces, family syllables, weight]. */
export type PersonRow = [page: number, syllables: string, family: number, weight: number];

/** 6 since shards are varint bytes with each page's first offset packed (postings.ts), gzipped like the docs (index-files.ts). */
export const MANIFEST_VERSION = 6;

export interface Manifest {
	version: typeof MANIFEST_VERSION;
	pages: number;
	shards: number;
	/** Pages per file in docs/: page n is entry n % docsPerFile of docs/<n / docsPerFile>.json.gz. */
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

export { REGION };

/** Each region of a page (title, each name, body) as normalised text, with its first offset. */
export function regions(p: Pick<SearchPage, 'title' | 'names' | 'body' | 'ownNames'>): { start: number; text: string }[] {
	const norm = (text: string) => normalise(text, Infinity, { positions: false }).chars;
	const out = [{ start: 0, text: norm(p.title) }];
	// Names lie end to end in their region, a gap apart, so no bigram spans two of them.
	let at = p.ownNames ? REGION.SPEAKER_NAMES : REGION.NAMES;
	for (const name of p.names) {
		const text = norm(name);
		out.push({ start: at, text });
		at += codePoints(text).length + 1;
	}
	out.push({ start: REGION.BODY, text: norm(p.body) });
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
 * first, so "sort by date" is page order. Files are yielded one at a time, to be written as they come.
 *
 * Built in two passes over typed arrays rather than a map of lists per bigram and page: at 10,000
 * articles there are ~50 million occurrences, and small arrays for each cost gigabytes. Memory grows
 * by 4 bytes an occurrence (pass 1's sequence), and pass 2 works on a group of shards at a time.
 */
export function* exactIndexFiles(input: SearchPage[], { groupOccurrences = GROUP_OCCURRENCES } = {}): Generator<[path: string, content: string | Uint8Array]> {
	const pages = indexOrder(input);
	const shards = shardCount(pages.reduce((n, p) => n + p.body.length, 0));

	// Pass 1: every occurrence's bigram, as an id numbered in order of first appearance.
	const ids = new BigramIds();
	let counts = new Int32Array(1 << 16);
	const sequence = new ChunkedSequence();
	/** Per page, per region: [first offset, bigrams in it]. */
	const layout: number[][] = [];
	for (const page of pages) {
		const spans: number[] = [];
		for (const { start, text } of regions(page)) {
			let bigramsHere = 0;
			let previous = -1;
			for (let i = 0; i < text.length; ) {
				const code = text.codePointAt(i)!;
				i += code > 0xffff ? 2 : 1;
				if (previous >= 0) {
					const id = ids.idOf(previous, code);
					if (id >= counts.length) counts = grow(counts, id + 1);
					counts[id]!++;
					sequence.push(id);
					bigramsHere++;
				}
				previous = code;
			}
			spans.push(start, bigramsHere);
		}
		layout.push(spans);
	}
	const bigrams = ids.bigrams;

	const docsPerFile = docsFileSize(pages);
	const manifest: Manifest = { version: MANIFEST_VERSION, pages: pages.length, shards, docsPerFile };
	yield ['manifest.json', JSON.stringify(manifest)];

	// Pass 2, a group of consecutive shards at a time: each group's occurrences laid out by bigram (in
	// page, then offset order, as pages are walked in order), its shards written, its arrays let go.
	const byShard: number[][] = Array.from({ length: shards }, () => []);
	bigrams.forEach((bigram, id) => byShard[shardOf(bigram, shards)]!.push(id));
	const groupOf = new Int32Array(bigrams.length);
	/** Where each bigram's occurrences start within its group's arrays. */
	const first = new Int32Array(bigrams.length);
	const groups: { shards: number[]; size: number }[] = [];
	for (const [n, members] of byShard.entries()) {
		const inShard = members.reduce((sum, id) => sum + counts[id]!, 0);
		let group = groups.at(-1);
		if (!group || (group.size > 0 && group.size + inShard > groupOccurrences)) groups.push((group = { shards: [], size: 0 }));
		group.shards.push(n);
		for (const id of members) {
			groupOf[id] = groups.length - 1;
			first[id] = group.size;
			group.size += counts[id]!;
		}
	}
	// Each bigram's cursor moves only in its own group's walk: one copy serves them all.
	const cursor = first.slice();
	for (const [g, group] of groups.entries()) {
		const pageOf = new Int32Array(group.size);
		const offsetOf = new Int32Array(group.size);
		const ids = sequence.values();
		layout.forEach((spans, page) => {
			for (let r = 0; r < spans.length; r += 2) {
				for (let i = 0; i < spans[r + 1]!; i++) {
					const id = ids.next();
					if (groupOf[id] !== g) continue;
					const slot = cursor[id]!++;
					pageOf[slot] = page;
					offsetOf[slot] = spans[r]! + i;
				}
			}
		});
		for (const n of group.shards) {
			yield [shardFile(n), encodeShard(byShard[n]!.map((id) => [bigrams[id]!, encodePostings(pageOf, offsetOf, first[id]!, first[id]! + counts[id]!)] as const))];
		}
	}

	for (let n = 0; n * docsPerFile < pages.length; n++) yield docsFile(pages, n, docsPerFile);
	yield ['filters.json', filtersFile(pages)];
	yield ['people.json', peopleFile(pages)];
}

/**
 * people.json of pages in index order: each person's page and pinyin, for pinyin and initials search.
 * One file, fetched only when a query is all Latin letters: ~25 bytes a person (2,200 people at
 * 10,000 articles: ~55 KB, ~17 KB compressed).
 */
export const peopleFile = (pages: SearchPage[]): string =>
	JSON.stringify(pages.flatMap((p, page): PersonRow[] => (p.person ? [[page, p.person.syllables.join(' '), p.person.family, p.person.weight]] : [])));

/** Where shard `n` and docs file `n` are (gzipped: index-files.ts). */
export const shardFile = (n: number) => `shards/${n}.bin.gz`;
export const docsFileName = (n: number) => `docs/${n}.json.gz`;

/**
 * Docs file `n` of pages in index order, `perFile` pages to a file: its path and content. Each file's
 * docs are serialised when it is written (all of them at once would be a second copy of every page's
 * text: ~1 GB at 100,000 articles).
 */
export const docsFile = (pages: SearchPage[], n: number, perFile: number): [path: string, content: string] => [
	docsFileName(n),
	`[${pages.slice(n * perFile, (n + 1) * perFile).map(docOf).join(',')}]`,
];

/** A page as its docs file holds it (JSON). */
export const docOf = (p: SearchPage): string =>
	JSON.stringify({ url: p.url, title: p.title, kind: p.kind, date: p.date ?? '', event: p.event ?? '', body: p.body } satisfies PageDoc);

/** filters.json of pages in index order: for each filter and value, the pages filed under it (delta-encoded page numbers). */
export function filtersFile(pages: SearchPage[]): string {
	const facets = new Map<string, Map<string, number[]>>();
	pages.forEach((p, id) => {
		for (const [name, values] of Object.entries(p.filters)) {
			const byValue = facets.get(name) ?? facets.set(name, new Map()).get(name)!;
			for (const v of new Set(values)) (byValue.get(v) ?? byValue.set(v, []).get(v)!).push(id);
		}
	});
	// One file: every facet is needed as soon as the first results are shown.
	const encoded = [...facets].map(([name, byValue]) => [name, Object.fromEntries([...byValue].map(([v, ids]) => [v, ids.map((id, i) => id - (ids[i - 1] ?? 0))]))]);
	return JSON.stringify(Object.fromEntries(encoded));
}

/**
 * Occurrences laid out at once in pass 2 (8 bytes each: page and offset): ~256 MB. All of them at
 * once was 400 MB at 10,000 articles and would be ~3.2 GB at 100,000, beside the 4 bytes each of the
 * bigram sequence that pass 1 keeps for pass 2. Each group costs one more walk of the sequence.
 */
const GROUP_OCCURRENCES = 1 << 25;

/**
 * Appends ints in chunks of 4 million (16 MB): one array doubled as it grows would at 100,000
 * articles (~400 million occurrences) end as a 2 GB array made by copying a 1 GB one.
 */
export class ChunkedSequence {
	private readonly chunks: Int32Array[] = [];
	private length = 0;
	private readonly chunkSize: number;

	constructor(chunkSize = 1 << 22) {
		this.chunkSize = chunkSize;
	}

	push(value: number) {
		const at = this.length % this.chunkSize;
		if (at === 0) this.chunks.push(new Int32Array(this.chunkSize));
		this.chunks[this.chunks.length - 1]![at] = value;
		this.length++;
	}

	/** A reader of the values in order: next() returns each in turn. */
	values() {
		const { chunks, chunkSize } = this;
		let chunk = 0;
		let at = 0;
		return {
			next: (): number => {
				if (at === chunkSize) {
					chunk++;
					at = 0;
				}
				return chunks[chunk]![at++]!;
			},
		};
	}
}

/**
 * Bigram → id, numbered in order of first appearance. Pairs of characters from the Basic
 * Multilingual Plane (nearly all text) are one 32-bit key in an open-addressing table: tens of
 * millions of lookups without building a string for each; the rare others go through a Map.
 */
class BigramIds {
	readonly bigrams: string[] = [];
	private keys = new Uint32Array(1 << 16);
	private values = new Int32Array(1 << 16).fill(-1);
	private used = 0;
	private readonly astral = new Map<string, number>();

	idOf(first: number, second: number): number {
		if (first > 0xffff || second > 0xffff) {
			const bigram = String.fromCodePoint(first, second);
			let id = this.astral.get(bigram);
			if (id === undefined) this.astral.set(bigram, (id = this.bigrams.push(bigram) - 1));
			return id;
		}
		const key = ((first << 16) | second) >>> 0;
		const mask = this.keys.length - 1;
		let slot = mix(key) & mask;
		while (this.values[slot] !== -1) {
			if (this.keys[slot] === key) return this.values[slot]!;
			slot = (slot + 1) & mask;
		}
		const id = this.bigrams.push(String.fromCharCode(first, second)) - 1;
		this.keys[slot] = key;
		this.values[slot] = id;
		if (++this.used * 2 > this.keys.length) this.rehash();
		return id;
	}

	private rehash() {
		const { keys, values } = this;
		this.keys = new Uint32Array(keys.length * 2);
		this.values = new Int32Array(keys.length * 2).fill(-1);
		const mask = this.keys.length - 1;
		for (let i = 0; i < keys.length; i++) {
			if (values[i] === -1) continue;
			let slot = mix(keys[i]!) & mask;
			while (this.values[slot] !== -1) slot = (slot + 1) & mask;
			this.keys[slot] = keys[i]!;
			this.values[slot] = values[i]!;
		}
	}
}

/** Murmur3's finaliser: every bit of the key moves the low bits the table uses. */
function mix(key: number): number {
	let h = key ^ (key >>> 16);
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return h ^ (h >>> 16);
}

/** A copy of `array`, at least `size` long (doubling, so appends stay cheap). */
function grow(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
	const bigger = new Int32Array(Math.max(size, array.length * 2));
	bigger.set(array);
	return bigger;
}

/** The postings format of postings.ts, straight from the typed arrays (50 million occurrences at 10k articles). */
function encodePostings(pageOf: Int32Array, offsetOf: Int32Array, from: number, to: number): number[] {
	const out: number[] = [];
	let previous = 0;
	for (let i = from; i < to; ) {
		const page = pageOf[i]!;
		let end = i + 1;
		while (end < to && pageOf[end] === page) end++;
		out.push(page - previous, end - i, packOffset(offsetOf[i]!));
		for (let j = i + 1; j < end; j++) out.push(offsetOf[j]! - offsetOf[j - 1]!);
		previous = page;
		i = end;
	}
	return out;
}

/**
 * Pages per docs file. In a browser each request costs more than its bytes (10–25 ms each here, six
 * at a time over HTTP/1.1), so while the whole site's docs fit in a few dozen files of ~32 KB, they
 * are bundled that way: a page of results then shares a few files, neighbours in page order (same
 * date, often the same event). On a larger site ten results fall in ten files anyway, and a bundle
 * adds bytes to each; but one file per page was, at 10,000 articles, 12,382 of the 46,500 files a
 * host counts (Cloudflare Pages' free plan takes 20,000, GitHub Pages warns past 1 GB): two pages per
 * file halves them for ~4 KB more per result shown (on the 10,000-article archive the first query
 * went from 0.43 to 0.47 of plain Pagefind's bytes, varint shards included: src/search/README.md).
 */
export function docsFileSize(pages: SearchPage[]): number {
	let total = 0;
	for (const p of pages) if ((total += Buffer.byteLength(docOf(p))) > 32 * 32_768) return 2;
	return Math.max(1, Math.floor(32_768 / Math.max(1, total / Math.max(1, pages.length))));
}

/** Roughly 32 KB of postings (as JSON; ~11 KB as varints) per shard, in a power of two from 1 to 4096. */
export function shardCount(characters: number): number {
	const target = Math.ceil((characters * 4) / 32_768);
	return Math.min(4096, 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, target)))));
}
