/**
 * One bigram's postings in a shard file: for each page holding it, in page order,
 * [page delta, count, first offset, offset deltas…]. Small as JSON, fast to decode.
 * (exact-index.ts writes the same format straight from its typed arrays.)
 */
export type Postings = number[];

/** Page → ascending offsets. */
export function decodePostings(flat: Postings): Map<number, number[]> {
	const byPage = new Map<number, number[]>();
	for (let i = 0, page = 0; i < flat.length; ) {
		page += flat[i++]!;
		const count = flat[i++]!;
		const offsets = [flat[i++]!];
		for (let k = 1; k < count; k++) offsets.push(offsets[k - 1]! + flat[i++]!);
		byPage.set(page, offsets);
	}
	return byPage;
}

/** The inverse of decodePostings; pages in any order, each with ascending offsets. */
export function encodePostings(byPage: Map<number, number[]>): Postings {
	const out: Postings = [];
	let previous = 0;
	for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
		const offsets = byPage.get(page)!;
		out.push(page - previous, offsets.length, offsets[0]!);
		for (let k = 1; k < offsets.length; k++) out.push(offsets[k]! - offsets[k - 1]!);
		previous = page;
	}
	return out;
}
