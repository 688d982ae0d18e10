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

/**
 * A shard file's bytes: for each bigram, its two code points, its postings' length and the postings,
 * all as unsigned LEB128 varints (7 bits a byte). Postings are small deltas, so most take one byte,
 * where JSON spends two or three characters and a comma: measured on 200 shards of the
 * 10,000-article archive, 327 MB of JSON → 114 MB as varints; gzipped, 108 → 84 MB (src/search/README.md).
 * Bigrams are written in code-unit order, whatever order they come in, so that a shard patched after
 * an edit is the same file a whole build writes (found by tests/build/sharded-build.test.ts: the two
 * held the same postings in different orders).
 */
export function encodeShard(entries: Iterable<readonly [bigram: string, postings: Postings]>): Uint8Array {
	let bytes = new Uint8Array(1 << 16);
	let at = 0;
	const put = (n: number) => {
		if (at + 5 > bytes.length) {
			const bigger = new Uint8Array(bytes.length * 2);
			bigger.set(bytes);
			bytes = bigger;
		}
		while (n > 0x7f) {
			bytes[at++] = (n & 0x7f) | 0x80;
			n >>>= 7;
		}
		bytes[at++] = n;
	};
	for (const [bigram, postings] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		const [first, second] = [...bigram].map((c) => c.codePointAt(0)!);
		put(first!);
		put(second!);
		put(postings.length);
		for (const n of postings) put(n);
	}
	return bytes.subarray(0, at);
}

/** Reads unsigned LEB128 varints (encodeShard's numbers) one after another from `at`. */
class VarintReader {
	at = 0;
	// No parameter property: Node runs this file with type stripping alone (the index step).
	private readonly bytes: Uint8Array;
	constructor(bytes: Uint8Array) {
		this.bytes = bytes;
	}
	next(): number {
		let n = 0;
		let shift = 0;
		let byte: number;
		do {
			byte = this.bytes[this.at++]!;
			n += (byte & 0x7f) * 2 ** shift;
			shift += 7;
		} while (byte & 0x80);
		return n;
	}
}

/** The inverse of encodeShard: bigram → postings. */
export function decodeShard(bytes: Uint8Array): Record<string, Postings> {
	const out: Record<string, Postings> = {};
	const read = new VarintReader(bytes);
	while (read.at < bytes.length) {
		const bigram = String.fromCodePoint(read.next(), read.next());
		const postings = new Array<number>(read.next());
		for (let i = 0; i < postings.length; i++) postings[i] = read.next();
		out[bigram] = postings;
	}
	return out;
}

/**
 * A bigram's occurrences as the search works on them: pages ascending; page `pages[i]`'s offsets,
 * ascending, are `offsets[start[i]]` to `offsets[start[i + 1] - 1]`. Typed arrays, not a Map of
 * arrays: at 100,000 articles a common bigram is in ~116,000 pages (2–3 million numbers), and one
 * array per page cost more than the search itself.
 */
export interface Occurrences {
	pages: Int32Array;
	start: Int32Array;
	offsets: Int32Array;
}

export const NO_OCCURRENCES: Occurrences = { pages: new Int32Array(0), start: new Int32Array(1), offsets: new Int32Array(0) };

/**
 * One bigram's occurrences, read straight from a shard's bytes (encodeShard's format); the other
 * bigrams of the shard are skipped, not decoded.
 */
export function occurrencesIn(bytes: Uint8Array, bigram: string): Occurrences {
	const [want1, want2] = [...bigram].map((c) => c.codePointAt(0)!);
	const read = new VarintReader(bytes);
	while (read.at < bytes.length) {
		const first = read.next();
		const second = read.next();
		const length = read.next();
		if (first !== want1 || second !== want2) {
			// Skip `length` varints: a varint ends at a byte below 0x80.
			for (let left = length; left > 0; read.at++) if (bytes[read.at]! < 0x80) left--;
			continue;
		}
		// Each page is [page delta, count, first offset, offset deltas…]: count + 2 numbers, so there
		// are at most length / 3 pages and length offsets; one pass fills arrays of those sizes.
		const pages = new Int32Array(Math.floor(length / 3));
		const start = new Int32Array(pages.length + 1);
		const offsets = new Int32Array(length);
		let n = 0;
		let k = 0;
		let page = 0;
		for (let left = length; left > 0; n++) {
			page += read.next();
			const count = read.next();
			pages[n] = page;
			start[n] = k;
			let o = read.next();
			offsets[k++] = o;
			for (let c = 1; c < count; c++) offsets[k++] = o += read.next();
			left -= count + 2;
		}
		start[n] = k;
		return { pages: pages.subarray(0, n), start: start.subarray(0, n + 1), offsets: offsets.subarray(0, k) };
	}
	return NO_OCCURRENCES;
}

/** Shards are varint bytes (encodeShard); every other file of the exact index is JSON. */
export const isShardFile = (path: string) => /\.bin(\.gz)?$/.test(path);

/** An exact-index file's content from its (inflated) bytes, as the build reads it to patch it. */
export const parseIndexFile = (path: string, bytes: Uint8Array): unknown => (isShardFile(path) ? decodeShard(bytes) : JSON.parse(new TextDecoder().decode(bytes)));

/** An exact-index file as the search reads it (exact-search.ts `Loader`): a shard's bytes as they are (occurrencesIn), any other file parsed. */
export const searchedIndexFile = (path: string, bytes: Uint8Array): unknown => (isShardFile(path) ? bytes : JSON.parse(new TextDecoder().decode(bytes)));
