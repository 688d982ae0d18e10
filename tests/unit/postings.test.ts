import fc from 'fast-check';
import { expect, test } from 'vitest';
import { REGION } from '../../src/search/exact-index';
import { decodePostings, decodeShard, encodePostings, encodeShard, occurrencesIn, packOffset, parseIndexFile, patchShard, searchedIndexFile, unpackOffset, type Occurrences } from '../../src/search/postings';

// A shard is read back by the search page exactly as the build wrote it, whatever the bigrams
// (astral characters included) and however large the offsets (the body region starts at 3 << 20).
const bigram = fc.tuple(fc.integer({ min: 1, max: 0x10ffff }), fc.integer({ min: 1, max: 0x10ffff })).filter(([a, b]) => !(a >= 0xd800 && a <= 0xdfff) && !(b >= 0xd800 && b <= 0xdfff)).map(([a, b]) => String.fromCodePoint(a, b));
const pages = fc.dictionary(fc.nat(50_000).map(String), fc.uniqueArray(fc.nat(REGION.BODY * 4), { minLength: 1, maxLength: 20 }), { minKeys: 1, maxKeys: 30 });
const byPage = (record: Record<string, number[]>) => new Map(Object.entries(record).map(([page, offsets]) => [Number(page), [...offsets].sort((a, b) => a - b)]));

test('a shard decodes to the postings it was encoded from', () => {
	fc.assert(
		fc.property(fc.dictionary(bigram, pages.map(byPage)), (shard) => {
			const entries = Object.entries(shard).map(([b, p]) => [b, encodePostings(p)] as const);
			const decoded = decodeShard(encodeShard(entries));
			expect(Object.keys(decoded).sort()).toEqual(Object.keys(shard).sort());
			for (const [b, postings] of entries) expect(decodePostings(decoded[b]!)).toEqual(decodePostings(postings));
		}),
	);
});

test('a page’s first offset is stored by its place in its region: a body’s early characters in one or two bytes, any offset read back as it was', () => {
	fc.assert(
		fc.property(fc.nat(REGION.BODY * 4), (offset) => {
			expect(unpackOffset(packOffset(offset))).toBe(offset);
		}),
	);
	const varintBytes = (postings: number[]) => encodeShard([['甲乙', postings]]).length - encodeShard([['甲乙', []]]).length;
	// [page delta 1, count 1, first offset]: 3 bytes with a body's 31st character first, 4 with its 4,000th; 6 before, as the offset itself (a four-byte varint).
	expect(varintBytes(encodePostings(new Map([[1, [REGION.BODY + 30]]])))).toBe(3);
	expect(varintBytes(encodePostings(new Map([[1, [REGION.BODY + 4_000]]])))).toBe(4);
	expect(packOffset(5)).not.toBe(packOffset(REGION.NAMES + 5));
});

/** Occurrences as page → offsets, to compare with decodePostings. */
const asMap = ({ pages, start, offsets }: Occurrences) => new Map([...pages].map((page, i) => [page, [...offsets.subarray(start[i]!, start[i + 1]!)]]));

test('the search reads one bigram from a shard’s bytes: the postings it was encoded from, and none for a bigram not in it', () => {
	fc.assert(
		fc.property(fc.dictionary(bigram, pages.map(byPage)), bigram, (shard, absent) => {
			const bytes = encodeShard(Object.entries(shard).map(([b, p]) => [b, encodePostings(p)] as const));
			for (const [b, postings] of Object.entries(shard)) expect(asMap(occurrencesIn(bytes, b))).toEqual(postings);
			if (!(absent in shard)) expect(occurrencesIn(bytes, absent).pages.length).toBe(0);
		}),
	);
});

test('a shard is the same bytes whatever order its bigrams come in (a patched shard equals a whole-built one)', () => {
	fc.assert(
		fc.property(fc.uniqueArray(bigram, { minLength: 2, maxLength: 30 }), fc.nat(), (bigrams, seed) => {
			const entries = bigrams.map((b, i): [string, number[]] => [b, [i, 1, 2]]);
			const shuffled = entries.map((e, i) => [e, (i * 7919 + seed) % 104729] as const).sort((a, b) => a[1] - b[1]).map(([e]) => e);
			expect(encodeShard(shuffled)).toEqual(encodeShard([...entries].reverse()));
		}),
	);
});

test('a shard patched from its bytes is the shard encoded from the edited postings: pages added, changed and removed, bigrams new and gone', () => {
	// An edit is page → offsets, [] for a page that no longer holds the bigram; some edit the shard's own bigrams.
	const change = fc.dictionary(fc.nat(50_000).map(String), fc.oneof(fc.constant([] as number[]), fc.uniqueArray(fc.nat(REGION.BODY * 4), { minLength: 1, maxLength: 20 })), { minKeys: 1, maxKeys: 10 });
	fc.assert(
		fc.property(fc.dictionary(bigram, pages.map(byPage)), fc.dictionary(bigram, change.map(byPage)), fc.array(fc.tuple(fc.nat(), change.map(byPage)), { maxLength: 5 }), (shard, newEdits, ownEdits) => {
			const own = Object.keys(shard);
			const edits = new Map(Object.entries(newEdits));
			if (own.length) for (const [i, byPage] of ownEdits) edits.set(own[i % own.length]!, byPage);
			const expected = new Map(Object.entries(shard).map(([b, p]) => [b, new Map(p)]));
			for (const [b, byPage] of edits) {
				const postings = expected.get(b) ?? new Map<number, number[]>();
				for (const [page, offsets] of byPage) {
					if (offsets.length) postings.set(page, offsets);
					else postings.delete(page);
				}
				if (postings.size) expected.set(b, postings);
				else expected.delete(b);
			}
			const bytes = encodeShard(Object.entries(shard).map(([b, p]) => [b, encodePostings(p)] as const));
			expect(patchShard(bytes, edits)).toEqual(encodeShard([...expected].map(([b, p]) => [b, encodePostings(p)] as const)));
		}),
	);
});

test('small numbers take one byte each: the point of the encoding', () => {
	const postings = [0, 3, 17, 1, 2, 120];
	expect(encodeShard([['数据', postings]]).length).toBe(2 * 3 + 1 + postings.length);
});

test('a shard file is told from a JSON file by its name', () => {
	expect(parseIndexFile('shards/7.bin.gz', encodeShard([['ab', [0, 1, 5]]]))).toEqual({ ab: [0, 1, 5] });
	expect(parseIndexFile('docs/7.json.gz', new TextEncoder().encode('[{"url":"/a/"}]'))).toEqual([{ url: '/a/' }]);
	const bytes = encodeShard([['ab', [0, 1, 5]]]);
	expect(searchedIndexFile('shards/7.bin.gz', bytes)).toBe(bytes);
	expect(searchedIndexFile('docs/7.json.gz', new TextEncoder().encode('[{"url":"/a/"}]'))).toEqual([{ url: '/a/' }]);
});
