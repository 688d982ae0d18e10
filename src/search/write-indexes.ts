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
	const digest = createHash('sha1').update(JSON.stringify(records)).digest('base64url');
	const saved = cacheDir && join(cacheDir, 'pagefind');
	const savedDigest = saved && join(cacheDir, 'pagefind.sha1');
	const pagefindReused = Boolean(saved && existsSync(saved) && existsSync(savedDigest!) && readFileSync(savedDigest!, 'utf8') === digest);
	if (pagefindReused) cpSync(saved!, output, { recursive: true });
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
		if (saved) {
			rmSync(saved, { recursive: true, force: true });
			cpSync(output, saved, { recursive: true });
			writeFileSync(savedDigest!, digest);
		}
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
