/**
 * One bigram's postings in a shard file: for each page holding it, in page order,
 * [page delta, count, first offset packed (packOffset), offset deltas…]. Fast to decode.
 * (exact-index.ts writes the same format straight from its typed arrays.)
 */
export type Postings = number[];

/**
 * Offsets say where a match is, so ranking needs no table of titles: title characters count from 0,
 * names from NAMES (a speaker's own names from SPEAKER_NAMES), the body from BODY.
 */
export const REGION = { NAMES: 1 << 20, SPEAKER_NAMES: 2 << 20, BODY: 3 << 20 } as const;
const REGION_STARTS = [0, REGION.NAMES, REGION.SPEAKER_NAMES, REGION.BODY];

/**
 * A page's first offset as stored: its place within its region, times four, plus the region's
 * number. As the offset itself, a body's (from 3 × 2^20) took a four-byte varint for ~12 bits of
 * place, once for every page that holds a bigram (23 million times at 10,000 articles); packed, the
 * shards there went from 90.8 to 83.1 MiB gzipped (`npm run bench:index-bound`, src/search/README.md).
 */
export const packOffset = (offset: number): number => {
	const region = offset >= REGION.BODY ? 3 : offset >= REGION.SPEAKER_NAMES ? 2 : offset >= REGION.NAMES ? 1 : 0;
	return (offset - REGION_STARTS[region]!) * 4 + region;
};
export const unpackOffset = (stored: number): number => REGION_STARTS[stored & 3]! + Math.floor(stored / 4);

/** Page → ascending offsets. */
export function decodePostings(flat: Postings): Map<number, number[]> {
	const byPage = new Map<number, number[]>();
	for (let i = 0, page = 0; i < flat.length; ) {
		page += flat[i++]!;
		const count = flat[i++]!;
		const offsets = [unpackOffset(flat[i++]!)];
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
		out.push(page - previous, offsets.length, packOffset(offsets[0]!));
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
	const out = new VarintWriter(1 << 16);
	for (const [bigram, postings] of [...entries].sort(([a], [b]) => byCodeUnits(a, b))) {
		out.putBigram(bigram);
		out.put(postings.length);
		for (const n of postings) out.put(n);
	}
	return out.bytes();
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * encodeShard(decodeShard(bytes)) with, for each bigram of `edits`, the postings of the pages
 * given replaced by the offsets given ([] = the page no longer holds it), made from the bytes:
 * the bigrams and pages an edit does not touch are copied as they are. After one edit at 100,000
 * articles ~110 shards change, in a few bigrams each, and decoding and encoding them whole (a
 * common bigram is in ~116,000 pages) was 12 of the index step's 36 s.
 */
export function patchShard(bytes: Uint8Array, edits: ReadonlyMap<string, ReadonlyMap<number, readonly number[]>>): Uint8Array {
	const out = new VarintWriter(bytes.length + 1024);
	const read = new VarintReader(bytes);
	const pending = [...edits.keys()].sort(byCodeUnits);
	let next = 0;
	const patched = (bigram: string, from = 0, to = 0) => {
		const body = patchPostings(bytes, from, to, edits.get(bigram)!);
		if (body.count === 0) return;
		out.putBigram(bigram);
		out.put(body.count);
		out.append(body.bytes);
	};
	while (read.at < bytes.length) {
		const start = read.at;
		const bigram = String.fromCodePoint(read.next(), read.next());
		const length = read.next();
		const from = read.at;
		read.skip(length);
		while (next < pending.length && pending[next]! < bigram) patched(pending[next++]!);
		if (pending[next] === bigram) {
			patched(bigram, from, read.at);
			next++;
		} else out.append(bytes.subarray(start, read.at));
	}
	while (next < pending.length) patched(pending[next++]!);
	return out.bytes();
}

/** One bigram's postings (`bytes` from `from` to `to`) with the pages in `changes` replaced; `count` is how many varints. */
function patchPostings(bytes: Uint8Array, from: number, to: number, changes: ReadonlyMap<number, readonly number[]>): { bytes: Uint8Array; count: number } {
	const out = new VarintWriter(to - from + 64);
	const sorted = [...changes].sort(([a], [b]) => a - b);
	let c = 0;
	let count = 0;
	let previous = 0;
	const put = (page: number, offsets: readonly number[]) => {
		if (!offsets.length) return;
		out.put(page - previous);
		out.put(offsets.length);
		out.put(packOffset(offsets[0]!));
		for (let k = 1; k < offsets.length; k++) out.put(offsets[k]! - offsets[k - 1]!);
		count += offsets.length + 2;
		previous = page;
	};
	const read = new VarintReader(bytes, from);
	let page = 0;
	while (read.at < to) {
		page += read.next();
		const n = read.next();
		const start = read.at;
		read.skip(n);
		while (c < sorted.length && sorted[c]![0] < page) put(...sorted[c++]!);
		if (c < sorted.length && sorted[c]![0] === page) {
			put(...sorted[c++]!);
			continue;
		}
		out.put(page - previous);
		out.put(n);
		out.append(bytes.subarray(start, read.at));
		count += n + 2;
		previous = page;
	}
	while (c < sorted.length) put(...sorted[c++]!);
	return { bytes: out.bytes(), count };
}

/** Writes unsigned LEB128 varints (7 bits a byte) into a buffer that grows. */
class VarintWriter {
	private buffer: Uint8Array;
	private at = 0;
	constructor(size: number) {
		this.buffer = new Uint8Array(Math.max(size, 16));
	}
	private room(n: number) {
		if (this.at + n <= this.buffer.length) return;
		const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.at + n));
		bigger.set(this.buffer.subarray(0, this.at));
		this.buffer = bigger;
	}
	put(n: number) {
		this.room(5);
		while (n > 0x7f) {
			this.buffer[this.at++] = (n & 0x7f) | 0x80;
			n >>>= 7;
		}
		this.buffer[this.at++] = n;
	}
	/** A bigram as its two code points. */
	putBigram(bigram: string) {
		for (const c of bigram) this.put(c.codePointAt(0)!);
	}
	append(bytes: Uint8Array) {
		this.room(bytes.length);
		this.buffer.set(bytes, this.at);
		this.at += bytes.length;
	}
	bytes(): Uint8Array {
		return this.buffer.subarray(0, this.at);
	}
}

/** Reads unsigned LEB128 varints (encodeShard's numbers) one after another from `at`. */
class VarintReader {
	at: number;
	// No parameter property: Node runs this file with type stripping alone (the index step).
	private readonly bytes: Uint8Array;
	constructor(bytes: Uint8Array, at = 0) {
		this.bytes = bytes;
		this.at = at;
	}
	/** Moves past `n` varints: a varint ends at a byte below 0x80. */
	skip(n: number) {
		for (let left = n; left > 0; this.at++) if (this.bytes[this.at]! < 0x80) left--;
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
			read.skip(length);
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
			let o = unpackOffset(read.next());
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
