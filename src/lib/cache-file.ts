import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that it is either wholly the old or wholly the new content, whenever the build is
 * killed: the bytes go to a temporary file beside it, which is then renamed over it (a rename within
 * one folder is atomic on POSIX file systems). A cache file cut short is how a killed build used to
 * make every later one fail.
 */
export function writeFileAtomic(path: string, data: string | NodeJS.ArrayBufferView): void {
	atomically(path, (temporary) => writeFileSync(temporary, data));
}

/**
 * writeFileAtomic() for content too big for one string (V8 strings end at 2^29 characters: the search
 * page cache of 100,000 articles is ~1 GB): `lines` are written as they come, a newline after each.
 */
export function writeLinesAtomic(path: string, lines: Iterable<string>): void {
	atomically(path, (temporary) => {
		const fd = openSync(temporary, 'w');
		try {
			let batch: string[] = [];
			let size = 0;
			const flush = () => {
				writeSync(fd, batch.join(''));
				batch = [];
				size = 0;
			};
			for (const line of lines) {
				batch.push(line, '\n');
				size += line.length;
				// ~4 million characters a write: few system calls, no string near V8's limit.
				if (size > 1 << 22) flush();
			}
			flush();
		} finally {
			closeSync(fd);
		}
	});
}

/** `write` makes a temporary file beside `path`, which is then renamed over it (or removed, on failure). */
function atomically(path: string, write: (temporary: string) => void): void {
	mkdirSync(dirname(path), { recursive: true });
	const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	try {
		write(temporary);
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	}
}

/** The lines of a file's bytes (as writeLinesAtomic() writes them), without making the whole a string. */
export function* linesOf(bytes: Buffer): Generator<string> {
	for (let start = 0; start < bytes.length; ) {
		const end = bytes.indexOf(0x0a, start);
		if (end < 0) throw new Error('最后一行不完整');
		yield bytes.toString('utf8', start, end);
		start = end + 1;
	}
}

/**
 * A cache file's content, or undefined when it is missing or does not parse (cut short, written by
 * another version): a cache is an optimisation, so a bad one is discarded, said once, and rebuilt.
 */
export const readCacheFile = <T>(path: string, parse: (bytes: Buffer) => T, log: (message: string) => void = warn): T | undefined => readCache(path, () => readFileSync(path), parse, log);

/**
 * readCacheFile() of a JSON file. Read as text, which Node makes a string without a buffer of the
 * file's size: a buffer lives outside V8's heap, and every ~64 MB of those made V8 mark its whole
 * heap (Astro's ~1 GB at 100,000 articles, whose manifest and page ledger are ~25 MB each).
 */
export const readCacheJson = (path: string, log: (message: string) => void = warn): unknown => readCache(path, () => readFileSync(path, 'utf8'), JSON.parse, log);

function readCache<R, T>(path: string, read: () => R, parse: (content: R) => T, log: (message: string) => void): T | undefined {
	let content: R;
	try {
		content = read();
	} catch {
		return undefined;
	}
	try {
		return parse(content);
	} catch (error) {
		log(`缓存文件 ${path} 无法读取（${(error as Error).message.split('\n')[0]}），已丢弃并重新生成。`);
		rmSync(path, { force: true });
		return undefined;
	}
}

const warn = (message: string) => console.warn(`[huiji] ${message}`);
