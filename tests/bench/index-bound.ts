// `npm run bench:index-bound -- --site <built folder> [--plain <folder>]`: how small the exact
// index's shards could be. Reads the site's search-index/ (exact-index.ts, postings.ts) and prints, as
// a Markdown table, its shards as built, as they were before each page's first offset was packed
// (manifest version 5), re-coded as streams, an estimate of Elias–Fano codes, and the information the
// postings hold (a bound no code of them goes under); then the index's other files and Pagefind's,
// and the sums; with --plain, against plain Pagefind's full-text index of the same pages (`pagefind
// --site <built folder> --output-path <folder>`). What the table says: src/search/README.md, *Index size*.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { MANIFEST_VERSION, shardFile, type Manifest } from '../../src/search/exact-index';
import { readIndexFile } from '../../src/search/index-files';
import { decodePostings, encodeShard, unpackOffset, type Postings } from '../../src/search/postings';
import { folderSize } from './scale/site-stats';

const { values } = parseArgs({ options: { site: { type: 'string' }, plain: { type: 'string' } } });
if (!values.site) throw new Error('用法：npm run bench:index-bound -- --site <构建好的站点文件夹，如 dist>');
const folder = join(values.site, 'search-index');
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
if (manifest.version !== MANIFEST_VERSION) throw new Error(`${folder} 的精确索引是第 ${manifest.version} 版，本工具读第 ${MANIFEST_VERSION} 版：请用当前代码重新构建该站点。`);

/** Each page's first offset as the offset itself (version 5): a body’s, from REGION.BODY = 3 × 2^20, a four-byte varint. */
function unpackFirstOffsets(flat: Postings): Postings {
	const out = flat.slice();
	for (let i = 0; i < out.length; i += out[i + 1]! + 2) out[i + 2] = unpackOffset(out[i + 2]!);
	return out;
}
/** As streams: [pages, page deltas…, counts − 1…, offsets…]; gzip then meets like with like, but a patch must re-code a bigram whole. */
function asStreams(flat: Postings): Postings {
	const deltas: number[] = [];
	const counts: number[] = [];
	const offsets: number[] = [];
	for (let i = 0; i < flat.length; i += flat[i + 1]! + 2) {
		deltas.push(flat[i]!);
		counts.push(flat[i + 1]! - 1);
		offsets.push(...flat.slice(i + 2, i + 2 + flat[i + 1]!));
	}
	return [deltas.length, ...deltas, ...counts, ...offsets];
}

// First pass: each page's number of bigram positions (every position holds exactly one bigram). The
// shards are kept decoded for the second (~0.5 GB at 10,000 articles) rather than read twice.
const positions = new Float64Array(manifest.pages);
const shards: Record<string, Postings>[] = [];
let stored = 0;
for (let n = 0; n < manifest.shards; n++) {
	stored += statSync(join(folder, shardFile(n))).size;
	const shard = readIndexFile(folder, shardFile(n)) as Record<string, Postings>;
	shards.push(shard);
	for (const flat of Object.values(shard)) for (const [page, offsets] of decodePostings(flat)) positions[page]! += offsets.length;
}

const log2Factorial = new Float64Array(positions.reduce((most, n) => Math.max(most, n), manifest.pages) + 2);
for (let i = 2; i < log2Factorial.length; i++) log2Factorial[i] = log2Factorial[i - 1]! + Math.log2(i);
/** log2 of n choose k: the bits that say which k of n. */
const choose = (n: number, k: number) => log2Factorial[n]! - log2Factorial[k]! - log2Factorial[n - k]!;
/** Elias–Fano's bits for k ascending values below n. */
const eliasFano = (n: number, k: number) => k * (2 + Math.max(0, Math.ceil(Math.log2(n / k))));
/** Elias γ's bits for k ≥ 1. */
const gamma = (k: number) => 2 * Math.floor(Math.log2(k)) + 1;

let occurrences = 0;
let pagesBound = 0;
let positionsBound = 0;
let efBits = 0;
let plainBytes = 0;
let streamBytes = 0;
for (const shard of shards) {
	const entries = Object.entries(shard);
	plainBytes += gzipSync(encodeShard(entries.map(([bigram, flat]) => [bigram, unpackFirstOffsets(flat)] as const)), { level: 6 }).length;
	streamBytes += gzipSync(encodeShard(entries.map(([bigram, flat]) => [bigram, asStreams(flat)] as const)), { level: 6 }).length;
	for (const [, flat] of entries) {
		const byPage = decodePostings(flat);
		pagesBound += choose(manifest.pages, byPage.size);
		// The bigram's two code points and its number of pages, ~16 bits.
		efBits += 16 + eliasFano(manifest.pages, byPage.size);
		for (const [page, offsets] of byPage) {
			occurrences += offsets.length;
			positionsBound += choose(positions[page]!, offsets.length);
			efBits += gamma(offsets.length) + eliasFano(positions[page]!, offsets.length);
		}
	}
}

const MiB = 2 ** 20;
const docs = folderSize(join(folder, 'docs')).bytes;
const other = folderSize(folder).bytes - stored - docs;
const pagefind = folderSize(join(values.site, 'pagefind')).bytes;
const plain = values.plain ? folderSize(values.plain).bytes : undefined;
const row = (label: string, shardBytes: number) => {
	const all = shardBytes + docs + other + pagefind;
	return `| ${label} | ${(shardBytes / MiB).toFixed(1)} MiB | ${(shardBytes / occurrences).toFixed(2)} | ${((shardBytes + docs + other) / MiB).toFixed(1)} MiB | ${(all / MiB).toFixed(1)} MiB | ${plain ? (all / plain).toFixed(2) : '—'} |`;
};
console.log(`${manifest.pages} pages, ${occurrences} bigram occurrences in ${manifest.shards} shards; docs ${(docs / MiB).toFixed(1)} MiB, other files ${(other / MiB).toFixed(1)} MiB, Pagefind ${(pagefind / MiB).toFixed(1)} MiB${plain ? `; plain Pagefind ${(plain / MiB).toFixed(1)} MiB` : ''}.\n`);
console.log('| shards coded as | shards | bytes an occurrence | exact index | with Pagefind | ÷ plain Pagefind |');
console.log('|---|---|---|---|---|---|');
console.log(row('first offsets as they are (version 5): varints, gzip level 6', plainBytes));
console.log(row('as built: first offsets packed by region (varints, gzip 6)', stored));
console.log(row('and each bigram as streams: pages, counts, offsets (gzip 6)', streamBytes));
console.log(row('Elias–Fano pages and offsets, γ counts (estimate, no gzip)', efBits / 8));
console.log(row('bound: which pages and which positions (counts free)', (pagesBound + positionsBound) / 8));
