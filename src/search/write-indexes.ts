import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { exactIndexFiles } from './exact-index';
import { pagefindRecords } from './pagefind-records';
import { readBuiltPages } from './read-built-pages';

export interface WrittenIndexes {
	pages: number;
	exactFiles: number;
	pagefindPages: number;
	/** Whether Pagefind's index was the previous build's, its records being unchanged. */
	pagefindReused: boolean;
}

/**
 * Both search indexes for a built site folder, from one reading of its pages: Pagefind's (related
 * results) in /pagefind/, then the exact index in /search-index/ — one after the other, so their
 * memory peaks do not add up. Each folder is emptied first: an incremental build keeps dist/.
 *
 * With a `cacheDir`, work the last build did is kept there and reused: pages whose HTML did not
 * change are not parsed again, and Pagefind does not run when its records are all the same.
 */
export async function writeSearchIndexes(site: string, { cacheDir }: { cacheDir?: string } = {}): Promise<WrittenIndexes> {
	if (cacheDir) mkdirSync(cacheDir, { recursive: true });
	const pages = readBuiltPages(site, { cacheFile: cacheDir && join(cacheDir, 'search-pages.json') });

	const records = pagefindRecords(pages);
	const output = join(site, 'pagefind');
	rmSync(output, { recursive: true, force: true });
	const saved = cacheDir ? savedPagefind(cacheDir, records) : undefined;
	const pagefindReused = Boolean(saved?.fresh);
	if (saved?.fresh) cpSync(saved.folder, output, { recursive: true });
	else {
		const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
		if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
		for (const record of records) {
			const added = await index.addCustomRecord(record);
			if (added.errors.length) throw new Error(`Pagefind, ${record.url}: ${added.errors.join('; ')}`);
		}
		const written = await index.writeFiles({ outputPath: output });
		if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
		await pagefind.close();
		saved?.keep(output);
	}

	const exact = join(site, 'search-index');
	rmSync(exact, { recursive: true, force: true });
	let exactFiles = 0;
	for (const [path, content] of exactIndexFiles(pages)) {
		const target = join(exact, path);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, content);
		exactFiles++;
	}
	return { pages: pages.length, exactFiles, pagefindPages: records.length, pagefindReused };
}

/**
 * The last build's Pagefind output in the cache, `fresh` when it was made from these very records;
 * `keep` stores a new output in its place.
 */
function savedPagefind(cacheDir: string, records: object[]) {
	const folder = join(cacheDir, 'pagefind');
	const digestFile = join(cacheDir, 'pagefind.sha1');
	const digest = createHash('sha1').update(JSON.stringify(records)).digest('base64url');
	return {
		folder,
		fresh: existsSync(folder) && existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest,
		keep(output: string) {
			rmSync(folder, { recursive: true, force: true });
			cpSync(output, folder, { recursive: true });
			writeFileSync(digestFile, digest);
		},
	};
}
