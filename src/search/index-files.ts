import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip, gzipSync } from 'node:zlib';

/**
 * How the exact index's files are stored. Shards and docs — nearly all its bytes — are gzipped,
 * as Pagefind stores its own chunks, and the search page inflates them itself
 * (`DecompressionStream`): at 10,000 articles that is 432 MB of JSON (which GitHub Pages' 1 GB per
 * site could not hold twice over) as ~150 MB on disk, and a host that compresses nothing still sends
 * them compressed. Level 4: on the shards' JSON, 3.0× at ~60 MB/s a core, against 3.3× at ~20 MB/s
 * for level 6 (measured on the 10,000-article archive); the docs' text gains nothing above it.
 * The small files the search page needs first (manifest, filters, people) stay plain JSON.
 */
export const gzipped = (path: string) => path.endsWith('.gz');

const LEVEL = 4;
const gzipAsync = promisify(gzip);

/** A file's bytes as stored, from its text. */
export const storedBytes = (path: string, text: string): Buffer | string => (gzipped(path) ? gzipSync(text, { level: LEVEL }) : text);

/** A stored file's text. */
export const storedText = (bytes: Buffer, path: string): string => (gzipped(path) ? gunzipSync(bytes) : bytes).toString('utf8');

/**
 * Writes a file of an index kept in the cache. Removed first, never rewritten in place: the kept
 * index's files are hard links in dist/.
 */
export function replaceIndexFile(folder: string, path: string, bytes: Buffer | string): void {
	const target = join(folder, path);
	mkdirSync(dirname(target), { recursive: true });
	rmSync(target, { force: true });
	writeFileSync(target, bytes);
}

/** Reads an index file's text from `folder`. */
export const readIndexFile = (folder: string, path: string): string => storedText(readFileSync(join(folder, path)), path);

/**
 * Writes index files as they come, compressing in Node's thread pool while the caller makes the
 * next ones (a build has two cores; at most `inFlight` files wait in memory).
 */
export function indexWriter(folder: string, inFlight = 32) {
	const pending = new Set<Promise<void>>();
	return {
		async write(path: string, text: string): Promise<void> {
			if (!gzipped(path)) return replaceIndexFile(folder, path, text);
			const job = gzipAsync(text, { level: LEVEL }).then((bytes) => replaceIndexFile(folder, path, bytes));
			pending.add(job);
			const settled = () => pending.delete(job);
			job.then(settled, settled);
			if (pending.size >= inFlight) await Promise.race(pending);
		},
		/** Resolves when every file is written; rejects with the first failure. */
		done: () => Promise.all(pending).then(() => undefined),
	};
}
