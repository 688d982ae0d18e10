import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeSearchIndexes } from '../search/write-indexes';

/**
 * After the build: Pagefind's index of the site (related results, fragments), and the exact
 * index beside it in /search-index/ that makes Chinese substring queries exact.
 */
export function searchIndexIntegration(): AstroIntegration {
	return {
		name: 'huiji:search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const written = await writeSearchIndexes(fileURLToPath(dir));
				logger.info(`检索索引：精确索引 ${written.pages} 个页面（${written.exactFiles} 个文件），Pagefind ${written.pagefindPages} 个页面。`);
			},
		},
	};
}
