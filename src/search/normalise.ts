import { VARIANTS } from './fold-variants.ts';

/** Bump when normalise() changes what it makes of a text: an exact index made otherwise is rebuilt, not patched. */
export const NORMALISATION = 3;

/**
 * The dots written between the parts of a foreign name — 雨果·彼得 (U+00B7), 雨果•彼得 (U+2022),
 * 雨果・彼得 (U+30FB; its half-width U+FF65 becomes it under NFKC), 雨果‧彼得 (U+2027) — dropped like
 * white space, so every form of a name is one query and editors need not list them as aliases.
 * Dropped everywhere, not inside names alone: a query cannot tell where a name is, and a character
 * dropped on both sides keeps every match (these dots separate; they are never what a reader seeks).
 */
const NAME_DOTS = new Set(['\u00b7', '\u2022', '\u30fb', '\u2027']);

/**
 * One normalisation for index and query, so they always agree: each character is NFKC-folded
 * (full-width → half-width), lowercased and, if traditional, made simplified (fold-variants.ts) on
 * its own; white space and the dots inside foreign names are dropped, as Ctrl+F readers expect
 * "平扫 CT" and "平扫CT", or 雨果·彼得 and 雨果彼得, to be the same, and 醫學影像 to find 医学影像. `map[i]` is the index in the original text of normalised character
 * i, for highlighting (left empty with `positions: false`, as the indexer needs none); `limit` stops
 * after that many characters.
 */
export function normalise(text: string, limit = Infinity, { positions = true } = {}): { chars: string; map: number[] } {
	let chars = '';
	const map: number[] = [];
	let count = 0;
	let i = 0;
	for (const ch of text) {
		if (count >= limit) break;
		const code = ch.charCodeAt(0);
		// Fast path: NFKC leaves ASCII and CJK Unified Ideographs as they are.
		if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff)) {
			if (code !== 0x20 && (code < 0x09 || code > 0x0d)) {
				chars += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : code < 0x80 ? ch : (VARIANTS.get(ch) ?? ch);
				if (positions) map.push(i);
				count++;
			}
			i += 1;
			continue;
		}
		const folded = ch.normalize('NFKC').toLowerCase();
		for (const c of folded) {
			if (!/\s/u.test(c) && !NAME_DOTS.has(c)) {
				chars += VARIANTS.get(c) ?? c;
				if (positions) map.push(i);
				count++;
			}
		}
		i += ch.length;
	}
	return { chars, map };
}

/**
 * Query terms: space-separated, all of which a page must contain. A one-character piece joins
 * its neighbour, since romanised names are written with spaces: "E Weinan" means "eweinan".
 */
export function queryTerms(query: string): string[] {
	const pieces = query.normalize('NFKC').split(/\s+/u).map((t) => normalise(t).chars).filter(Boolean);
	const terms: string[] = [];
	for (const piece of pieces) {
		const last = terms.length - 1;
		if (last >= 0 && ([...piece].length < 2 || [...terms[last]!].length < 2)) terms[last] += piece;
		else terms.push(piece);
	}
	return [...new Set(terms)];
}

/** Separates a page's title, names and body in its searchable text; never typed, never matched. */
export const FIELD_SEPARATOR = '\u0001';

/** FNV-1a, so the build and the browser put a bigram in the same shard. */
export function shardOf(bigram: string, shards: number): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < bigram.length; i++) {
		h ^= bigram.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) % shards;
}

/** Characters of a term as code points (a bigram is two of them, astral characters included). */
export const codePoints = (s: string) => [...s];

/**
 * The bigrams that prove a term is present, at their offsets in the term: every other one,
 * plus the last, so together they cover each character once or twice.
 */
export function provingBigrams(term: string): { bigram: string; offset: number }[] {
	const cps = codePoints(term);
	if (cps.length < 2) return [];
	const out: { bigram: string; offset: number }[] = [];
	for (let r = 0; r + 1 < cps.length; r += 2) out.push({ bigram: cps[r]! + cps[r + 1]!, offset: r });
	const last = cps.length - 2;
	if (last % 2 === 1) out.push({ bigram: cps[last]! + cps[last + 1]!, offset: last });
	return out;
}
