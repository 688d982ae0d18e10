import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip, gzipSync } from 'node:zlib';
import { isShardFile, parseIndexFile, searchedIndexFile } from './postings.ts';

/**
 * How the exact index's files are stored. Shards and docs — nearly all its bytes — are gzipped,
 * as Pagefind stores its own chunks, and the search page inflates them itself
 * (`DecompressionStream`): at 10,000 articles that was 432 MB of JSON (which GitHub Pages' 1 GB per
 * site could not hold twice over) as ~150 MB on disk, and a host that compresses nothing still sends
 * them compressed. Docs (JSON text) at level 4: the text gains nothing above it, and level 6 is a
 * third as fast. The small files the search page needs first (manifest, filters, people) stay plain JSON.
 */
export const gzipped = (path: string) => path.endsWith('.gz');

const LEVEL = 4;
/**
 * Shards' varint bytes (postings.ts) gain more from a higher level than the docs' text: level 6, as
 * measured on 200 shards of the 10,000-article archive (84 MB projected against ~90 at level 4).
 */
const levelFor = (path: string) => (isShardFile(path) ? 6 : LEVEL);
const gzipAsync = promisify(gzip);

/** A file's bytes as stored, from its content. */
export const storedBytes = (path: string, content: string | Uint8Array): Buffer | string | Uint8Array =>
	gzipped(path) ? gzipSync(content, { level: levelFor(path) }) : content;

/** A stored file's bytes, inflated. */
const inflated = (bytes: Buffer, path: string): Buffer => (gzipped(path) ? gunzipSync(bytes) : bytes);

/**
 * Writes a file of an index kept in the cache. Removed first, never rewritten in place: the kept
 * index's files are hard links in dist/.
 */
export function replaceIndexFile(folder: string, path: string, bytes: Buffer | string | Uint8Array): void {
	const target = join(folder, path);
	mkdirSync(dirname(target), { recursive: true });
	rmSync(target, { force: true });
	writeFileSync(target, bytes);
}

/** Reads an index file from `folder`: JSON parsed, or a shard decoded. */
export const readIndexFile = (folder: string, path: string): unknown => parseIndexFile(path, inflated(readFileSync(join(folder, path)), path));

/** Reads an index file from `folder` as the search page gets it: a shard's bytes inflated, JSON parsed. */
export const readSearchedIndexFile = (folder: string, path: string): unknown => searchedIndexFile(path, inflated(readFileSync(join(folder, path)), path));

/**
 * Writes index files as they come, compressing in Node's thread pool while the caller makes the
 * next ones (a build has two cores; at most `inFlight` files wait in memory).
 */
export function indexWriter(folder: string, inFlight = 32) {
	const pending = new Set<Promise<void>>();
	return {
		async write(path: string, content: string | Uint8Array): Promise<void> {
			if (!gzipped(path)) return replaceIndexFile(folder, path, content);
			const job = gzipAsync(content, { level: levelFor(path) }).then((bytes) => replaceIndexFile(folder, path, bytes));
			pending.add(job);
			const settled = () => pending.delete(job);
			job.then(settled, settled);
			if (pending.size >= inFlight) await Promise.race(pending);
		},
		/** Resolves when every file is written; rejects with the first failure. */
		done: () => Promise.all(pending).then(() => undefined),
	};
}
