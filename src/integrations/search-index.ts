import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeSearchIndexes } from '../search/write-indexes';

/**
 * After the build: Pagefind's index of the site (related results), and the exact index beside
 * it in /search-index/ that makes Chinese substring queries exact. What can be reused from the
 * last build is kept in Astro's cache folder, under search/.
 */
export function searchIndexIntegration(): AstroIntegration {
	let cacheDir: string | undefined;
	return {
		name: 'huiji:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(new URL('search/', config.cacheDir));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const written = await writeSearchIndexes(fileURLToPath(dir), { cacheDir });
				const pagefind = written.pagefindReused ? `Pagefind ${written.pagefindPages} 个页面（沿用上次构建）` : `Pagefind ${written.pagefindPages} 个页面`;
				const { exact } = written;
				const how = exact.patched ? `沿用上次构建，更新 ${exact.changedPages} 个页面、改写 ${exact.filesWritten} 个文件` : exact.reason ? `整体重建：${exact.reason}` : '';
				logger.info(`检索索引：精确索引 ${written.pages} 个页面（${written.exactFiles} 个文件${how ? `；${how}` : ''}），${pagefind}。`);
			},
		},
	};
}
