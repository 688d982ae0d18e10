import { REGION, docsFileName, shardFile, type Manifest, type PageDoc } from './exact-index';
import type { Facets } from './facet-counts';
import { codePoints, provingBigrams, queryTerms, shardOf } from './normalise';
import { occurrencesIn, type Occurrences } from './postings';

/**
 * Reads a file of the exact index, inflated, as postings.ts `searchedIndexFile` gives it: a shard's
 * bytes (the search reads one bigram from them), any other file parsed JSON.
 */
export type Loader = (path: string) => Promise<unknown>;

export interface ExactMatch {
	page: number;
	/** Offsets of every occurrence of every term (see REGION), for highlighting: made when read. */
	readonly hits: { offset: number; length: number }[];
	score: number;
}

export interface ExactResult {
	terms: string[];
	/** Terms of one character cannot be matched exactly (no unigram index): the query gets no exact matches. */
	tooShort: boolean;
	matches: ExactMatch[];
	/**
	 * With several terms and no page holding all of them: the pages holding some, most terms first.
	 * Each really contains the terms it is listed for (their hits); empty otherwise.
	 */
	partial: ExactMatch[];
}

/**
 * Bytes of decoded bigrams kept for later queries. A common bigram of a 100,000-article archive
 * takes ~20 MB decoded, and keeping every one a reader's queries touched grew the search page past
 * 3 GB in a benchmark's 164 queries; a small site's bigrams all fit.
 */
const KEPT_BYTES = 96 << 20;
const bytesOf = (o: Occurrences) => o.pages.buffer.byteLength + o.start.buffer.byteLength + o.offsets.buffer.byteLength;

/** The exact-match search: loads only the manifest and the shards of the query's bigrams. */
export function createExactSearch(load: Loader, { keptBytes = KEPT_BYTES }: { keptBytes?: number } = {}) {
	// Small files (manifest, filters, docs) are kept; shards are read once per bigram, then dropped.
	const cache = new Map<string, Promise<unknown>>();
	const get = <T>(path: string) => {
		if (!cache.has(path)) cache.set(path, load(path));
		return cache.get(path) as Promise<T>;
	};
	/** Shards being fetched: two bigrams of one shard in one query fetch it once. */
	const inFlight = new Map<string, Promise<Uint8Array>>();
	/** Decoded bigrams, least recently used first. */
	const kept = new Map<string, Occurrences>();
	let keptTotal = 0;

	async function occurrences(bigram: string, shards: number): Promise<Occurrences> {
		const known = kept.get(bigram);
		if (known) {
			kept.delete(bigram);
			kept.set(bigram, known);
			return known;
		}
		const path = shardFile(shardOf(bigram, shards));
		let bytes = inFlight.get(path);
		if (!bytes) {
			bytes = load(path) as Promise<Uint8Array>;
			inFlight.set(path, bytes);
			void bytes.finally(() => inFlight.delete(path)).catch(() => {});
		}
		const found = occurrencesIn(await bytes, bigram);
		if (!kept.has(bigram)) {
			kept.set(bigram, found);
			keptTotal += bytesOf(found);
			for (const [b, o] of kept) {
				if (keptTotal <= keptBytes || b === bigram) break;
				kept.delete(b);
				keptTotal -= bytesOf(o);
			}
		}
		return found;
	}

	/** Pages containing `term`, with the offsets it starts at: its proving bigrams' pages joined, offsets checked. */
	async function pagesWith(term: string, shards: number): Promise<Occurrences> {
		const proof = provingBigrams(term);
		const lists = await Promise.all(proof.map((p) => occurrences(p.bigram, shards)));
		if (lists.length === 1) return lists[0]!; // the first proving bigram is at the term's offset 0
		const first = lists[0]!;
		const shift = proof.map((p) => p.offset);
		const next = lists.map(() => 0); // each list's position in the current page's offsets
		// A term's occurrences are a subset of its first bigram's: arrays of that size are filled.
		const pages = new Int32Array(first.pages.length);
		const start = new Int32Array(first.pages.length + 1);
		const offsets = new Int32Array(first.offsets.length);
		let n = 0;
		let found = 0;
		forEachCommonPage(lists, (at) => {
			for (let j = 1; j < lists.length; j++) next[j] = lists[j]!.start[at[j]!]!;
			const before = found;
			// Offsets ascend in every list, so each list is walked once per page.
			starts: for (let k = first.start[at[0]!]!; k < first.start[at[0]! + 1]!; k++) {
				const o = first.offsets[k]!;
				for (let j = 1; j < lists.length; j++) {
					const l = lists[j]!;
					const want = o + shift[j]!;
					const end = l.start[at[j]! + 1]!;
					while (next[j]! < end && l.offsets[next[j]!]! < want) next[j]!++;
					if (next[j]! >= end) break starts;
					if (l.offsets[next[j]!] !== want) continue starts;
				}
				offsets[found++] = o;
			}
			if (found > before) {
				pages[n] = first.pages[at[0]!]!;
				start[n++] = before;
			}
		});
		start[n] = found;
		return { pages: pages.subarray(0, n), start: start.subarray(0, n + 1), offsets: offsets.subarray(0, found) };
	}

	return {
		async search(query: string, { sort = 'relevance' }: { sort?: 'relevance' | 'date' } = {}): Promise<ExactResult> {
			const terms = queryTerms(query);
			if (terms.length === 0) return { terms, tooShort: false, matches: [], partial: [] };
			if (terms.some((t) => codePoints(t).length < 2)) return { terms, tooShort: true, matches: [], partial: [] };
			const manifest = await get<Manifest>('manifest.json');
			const perTerm = await Promise.all(terms.map((t) => pagesWith(t, manifest.shards)));
			const lengths = terms.map((t) => codePoints(t).length);
			// Pages holding every term, in page order: row r's place in term t's list is places[r * T + t].
			const T = terms.length;
			const places: number[] = [];
			forEachCommonPage(perTerm, (at) => places.push(...at));
			const matches = ranked(perTerm, lengths, places, sort);
			let partial: ExactMatch[] = [];
			if (matches.length === 0 && T > 1) {
				// Every page holding some term, in page order, each with its places (-1: not on it).
				const some: number[] = [];
				for (const page of [...new Set(perTerm.flatMap((l) => [...l.pages]))].sort((a, b) => a - b)) some.push(...perTerm.map((l) => indexOf(l.pages, page)));
				partial = ranked(perTerm, lengths, some, sort, true);
			}
			return { terms, tooShort: false, matches, partial };
		},
		/** Every filter, value → pages, loaded once. */
		async facets(): Promise<Facets> {
			const all = await get<Record<string, Record<string, number[]>>>('filters.json');
			return new Map(
				Object.entries(all).map(([name, values]) => [
					name,
					new Map(Object.entries(values).map(([v, deltas]) => [v, new Set(deltas.map(((sum) => (d: number) => (sum += d))(0)))])),
				]),
			);
		},
		/** What the results list shows of a page (its docs file is fetched when the page is first shown). */
		async doc(page: number): Promise<PageDoc> {
			const { docsPerFile } = await get<Manifest>('manifest.json');
			const file = await get<PageDoc[]>(docsFileName(Math.floor(page / docsPerFile)));
			return file[page % docsPerFile]!;
		},
	};
}

/** A match as the results list reads it: its hits are made only for the pages shown. */
class Match implements ExactMatch {
	constructor(
		readonly page: number,
		readonly score: number,
		private readonly hitsOf: (row: number) => { offset: number; length: number }[],
		private readonly row: number,
	) {}
	get hits() {
		return this.hitsOf(this.row);
	}
}

/**
 * Rows of term places (`places[r * T + t]`: the page's place in term t's list, -1 when not on it;
 * rows in page order) as ranked matches. One object a match, scores in a typed array and one numeric
 * sort of keys: at 100,000 articles a common word is on 114,000 pages, and an array and a closure a
 * match, sorted by comparator, spent more time collecting garbage than searching.
 */
function ranked(perTerm: Occurrences[], lengths: number[], places: number[], sort: 'relevance' | 'date', partial = false): ExactMatch[] {
	const T = perTerm.length;
	const rows = places.length / T;
	const pageOf = (r: number) => {
		let t = 0;
		while (places[r * T + t]! < 0) t++;
		return perTerm[t]!.pages[places[r * T + t]!]!;
	};
	const hitsOf = (r: number) =>
		perTerm.flatMap((l, t) => {
			const i = places[r * T + t]!;
			return i < 0 ? [] : [...l.offsets.subarray(l.start[i]!, l.start[i + 1]!)].map((offset) => ({ offset, length: lengths[t]! }));
		});
	const scores = new Int32Array(rows);
	// With several terms and no page holding all, the number of terms a page holds ranks first.
	for (let r = 0; r < rows; r++) scores[r] = score(perTerm, places, r * T) + (partial ? places.slice(r * T, r * T + T).filter((i) => i >= 0).length * 10_000 : 0);
	// Pages are numbered newest first: page order (row order) is date order, and breaks score ties.
	let order: Float64Array;
	if (sort === 'date') order = Float64Array.from({ length: rows }, (_, r) => r);
	else {
		// Not Math.max(...scores): a spread of 100,000 arguments is near V8's limit.
		let top = 0;
		for (const sc of scores) if (sc > top) top = sc;
		top += 1;
		order = Float64Array.from(scores, (sc, r) => (top - sc) * rows + r).sort();
	}
	return Array.from(order, (key) => {
		const r = key % rows;
		return new Match(pageOf(r), scores[r]!, hitsOf, r);
	});
}

/**
 * Calls `visit` for each page on every list, in page order, with `at[t]` the page's place in list t
 * (one array, updated in place: copy what is kept). Pages ascend in every list, so each list is
 * walked once.
 */
function forEachCommonPage(lists: Occurrences[], visit: (at: number[]) => void): void {
	const first = lists[0]!;
	const at = lists.map(() => 0);
	pages: for (let i = 0; i < first.pages.length; i++) {
		const page = first.pages[i]!;
		at[0] = i;
		for (let t = 1; t < lists.length; t++) {
			const l = lists[t]!;
			while (at[t]! < l.pages.length && l.pages[at[t]!]! < page) at[t]!++;
			if (l.pages[at[t]!] !== page) continue pages;
		}
		visit(at);
	}
}

/** Where `page` is in ascending `pages`, or -1. */
function indexOf(pages: Int32Array, page: number): number {
	let lo = 0;
	let hi = pages.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (pages[mid]! < page) lo = mid + 1;
		else if (pages[mid]! > page) hi = mid - 1;
		else return mid;
	}
	return -1;
}

/**
 * Title matches first, then a speaker's own names (so the person's page leads for their name),
 * then other name matches, then how often the terms occur (to 99). The page's places in the terms'
 * lists are `places[from + t]`, -1 for a term not on it.
 */
function score(perTerm: Occurrences[], places: number[], from: number): number {
	let inTitle = false;
	let inOwnNames = false;
	let inNames = false;
	let count = 0;
	for (let t = 0; t < perTerm.length; t++) {
		const i = places[from + t]!;
		if (i < 0) continue;
		const { start, offsets } = perTerm[t]!;
		for (let k = start[i]!; k < start[i + 1]!; k++) {
			const o = offsets[k]!;
			if (o < REGION.NAMES) inTitle = true;
			else if (o < REGION.BODY) {
				inNames = true;
				if (o >= REGION.SPEAKER_NAMES) inOwnNames = true;
			} else break; // ascending: the rest are body
		}
		count += start[i + 1]! - start[i]!;
	}
	return (inTitle ? 1000 : 0) + (inOwnNames ? 800 : 0) + (inNames ? 100 : 0) + Math.min(count, 99);
}
