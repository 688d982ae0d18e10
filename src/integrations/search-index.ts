import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentPass } from '../collections/pass';
import { contentRoot } from '../lib/content-root';
import { buildSiteModel } from '../lib/site-model';
import { writeSearchIndexes } from '../search/write-indexes';

/**
 * After the build: Pagefind's index of the site (related results), and the exact index beside
 * it in /search-index/ that makes Chinese substring queries exact. Which pages are searchable, and
 * their titles, kinds, names and facets, come from the site model built from the build's content
 * pass; their text from the built pages. What can be reused from the last build is kept in Astro's
 * cache folder, under search/.
 */
export function searchIndexIntegration(): AstroIntegration {
	let cacheDir: string | undefined;
	let base = '/';
	let root = '';
	return {
		name: 'huiji:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(new URL('search/', config.cacheDir));
				base = config.base;
				root = contentRoot(fileURLToPath(config.root));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const model = buildSiteModel(contentPass(root).records, { base });
				const facts = new Map(model.searchEntries.map((e) => [e.url, e]));
				const written = await writeSearchIndexes(fileURLToPath(dir), facts, { cacheDir, base });
				const pagefind = written.pagefindReused ? `Pagefind ${written.pagefindPages} 个页面（沿用上次构建）` : `Pagefind ${written.pagefindPages} 个页面`;
				const { exact } = written;
				const how = exact.patched ? `沿用上次构建，更新 ${exact.changedPages} 个页面、改写 ${exact.filesWritten} 个文件` : exact.reason ? `整体重建：${exact.reason}` : '';
				logger.info(`检索索引：精确索引 ${written.pages} 个页面（${written.exactFiles} 个文件${how ? `；${how}` : ''}），${pagefind}。`);
			},
		},
	};
}
