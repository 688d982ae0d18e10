import { REGION, docsFileName, shardFile, type Manifest, type PageDoc } from './exact-index';
import type { Facets } from './facet-counts';
import { codePoints, provingBigrams, queryTerms, shardOf } from './normalise';
import { decodePostings } from './postings';

/** Reads a file of the exact index, inflated and parsed (postings.ts `parseIndexFile`): JSON, or a shard's postings by bigram. */
export type Loader = (path: string) => Promise<unknown>;

export interface ExactMatch {
	page: number;
	/** Offsets of every occurrence of every term (see REGION), for ranking and highlighting. */
	hits: { offset: number; length: number }[];
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

/** The exact-match search: loads only the manifest and the shards of the query's bigrams. */
export function createExactSearch(load: Loader) {
	const cache = new Map<string, Promise<unknown>>();
	const get = <T>(path: string) => {
		if (!cache.has(path)) cache.set(path, load(path));
		return cache.get(path) as Promise<T>;
	};
	const postings = new Map<string, Map<number, number[]>>();

	/** Page → sorted offsets of a bigram. */
	async function occurrences(bigram: string, shards: number): Promise<Map<number, number[]>> {
		const known = postings.get(bigram);
		if (known) return known;
		const shard = await get<Record<string, number[]>>(shardFile(shardOf(bigram, shards)));
		const byPage = decodePostings(shard[bigram] ?? []);
		postings.set(bigram, byPage);
		return byPage;
	}

	/** Pages containing `term`, with the offsets it starts at. */
	async function pagesWith(term: string, shards: number): Promise<Map<number, number[]>> {
		const proof = provingBigrams(term);
		const lists = await Promise.all(proof.map((p) => occurrences(p.bigram, shards)));
		const found = new Map<number, number[]>();
		const [first, ...rest] = lists;
		for (const [page, offsets] of first!) {
			const others = rest.map((l) => l.get(page));
			if (others.some((o) => !o)) continue;
			const sets = others.map((o) => new Set(o));
			const starts = offsets.filter((o) => sets.every((set, k) => set.has(o + proof[k + 1]!.offset)));
			if (starts.length > 0) found.set(page, starts);
		}
		return found;
	}

	return {
		async search(query: string, { sort = 'relevance' }: { sort?: 'relevance' | 'date' } = {}): Promise<ExactResult> {
			const terms = queryTerms(query);
			if (terms.length === 0) return { terms, tooShort: false, matches: [], partial: [] };
			if (terms.some((t) => codePoints(t).length < 2)) return { terms, tooShort: true, matches: [], partial: [] };
			const manifest = await get<Manifest>('manifest.json');
			const perTerm = await Promise.all(terms.map((t) => pagesWith(t, manifest.shards)));
			const hitsOn = (page: number) => perTerm.flatMap((m, t) => (m.get(page) ?? []).map((offset) => ({ offset, length: codePoints(terms[t]!).length })));
			const matches: ExactMatch[] = [];
			for (const page of perTerm[0]!.keys()) {
				if (perTerm.some((m) => !m.has(page))) continue;
				const hits = hitsOn(page);
				matches.push({ page, hits, score: score(hits) });
			}
			// Pages are numbered newest first: page order is date order.
			const order = (a: ExactMatch, b: ExactMatch) => (sort === 'date' ? a.page - b.page : b.score - a.score || a.page - b.page);
			matches.sort(order);
			const partial: ExactMatch[] = [];
			if (matches.length === 0 && terms.length > 1) {
				for (const page of new Set(perTerm.flatMap((m) => [...m.keys()]))) {
					const hits = hitsOn(page);
					// The number of terms found ranks first: a page with two of three terms leads one with one.
					partial.push({ page, hits, score: perTerm.filter((m) => m.has(page)).length * 10_000 + score(hits) });
				}
				partial.sort(order);
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

/**
 * Title matches first, then a speaker's own names (so the person's page leads for their name),
 * then other name matches, then how often the terms occur.
 */
function score(hits: { offset: number }[]): number {
	const inTitle = hits.some((h) => h.offset < REGION.NAMES);
	const inOwnNames = hits.some((h) => h.offset >= REGION.SPEAKER_NAMES && h.offset < REGION.BODY);
	const inNames = hits.some((h) => h.offset >= REGION.NAMES && h.offset < REGION.BODY);
	return (inTitle ? 1000 : 0) + (inOwnNames ? 800 : 0) + (inNames ? 100 : 0) + Math.min(hits.length, 99);
}
