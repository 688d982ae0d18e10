import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that it is either wholly the old or wholly the new content, whenever the build is
 * killed: the bytes go to a temporary file beside it, which is then renamed over it (a rename within
 * one folder is atomic on POSIX file systems). A cache file cut short is how a killed build used to
 * make every later one fail.
 */
export function writeFileAtomic(path: string, data: string | NodeJS.ArrayBufferView): void {
	mkdirSync(dirname(path), { recursive: true });
	const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	try {
		writeFileSync(temporary, data);
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	}
}

/**
 * A cache file's content, or undefined when it is missing or does not parse (cut short, written by
 * another version): a cache is an optimisation, so a bad one is discarded, said once, and rebuilt.
 */
export function readCacheFile<T>(path: string, parse: (bytes: Buffer) => T, log: (message: string) => void = warn): T | undefined {
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch {
		return undefined;
	}
	try {
		return parse(bytes);
	} catch (error) {
		log(`缓存文件 ${path} 无法读取（${(error as Error).message.split('\n')[0]}），已丢弃并重新生成。`);
		rmSync(path, { force: true });
		return undefined;
	}
}

const warn = (message: string) => console.warn(`[huiji] ${message}`);

/** JSON.parse for readCacheFile(). */
export const parseJson = (bytes: Buffer): unknown => JSON.parse(bytes.toString('utf8'));
