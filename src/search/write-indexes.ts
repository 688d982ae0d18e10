import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { exactIndexFiles } from './exact-index';
import { pagefindRecords } from './pagefind-records';
import { readBuiltPages } from './read-built-pages';

/**
 * Both search indexes for a built site folder, from one reading of its pages: Pagefind's (related
 * results) in /pagefind/, then the exact index in /search-index/ — one after the other, so their
 * memory peaks do not add up.
 */
export async function writeSearchIndexes(site: string): Promise<{ pages: number; exactFiles: number; pagefindPages: number }> {
	const pages = readBuiltPages(site);
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
	if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
	let pagefindPages = 0;
	for (const record of pagefindRecords(pages)) {
		const added = await index.addCustomRecord(record);
		if (added.errors.length) throw new Error(`Pagefind, ${record.url}: ${added.errors.join('; ')}`);
		pagefindPages++;
	}
	const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
	if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
	await pagefind.close();

	let exactFiles = 0;
	for (const [path, content] of exactIndexFiles(pages)) {
		const target = join(site, 'search-index', path);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, content);
		exactFiles++;
	}
	return { pages: pages.length, exactFiles, pagefindPages };
}
