import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { buildExactIndex } from './exact-index';
import { readBuiltPages } from './read-built-pages';

/**
 * Both search indexes for a built site folder: Pagefind's (related results, with its defaults)
 * in /pagefind/, and the exact index in /search-index/.
 */
export async function writeSearchIndexes(site: string): Promise<{ pages: number; exactFiles: number; pagefindPages: number }> {
	const pages = readBuiltPages(site);
	const files = buildExactIndex(pages);
	for (const [path, content] of files) {
		const target = join(site, 'search-index', path);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, content);
	}
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
	if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
	const added = await index.addDirectory({ path: site });
	if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
	const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
	if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
	await pagefind.close();
	return { pages: pages.length, exactFiles: files.size, pagefindPages: added.page_count };
}
