import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { buildExactIndex } from '../search/exact-index';
import { readBuiltPages } from '../search/read-built-pages';

/**
 * After the build: Pagefind's index of the site (related results, fragments), and the exact
 * index beside it in /search-index/ that makes Chinese substring queries exact.
 */
export function searchIndexIntegration(): AstroIntegration {
	return {
		name: 'huiji:search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				const pages = readBuiltPages(dist);
				const files = buildExactIndex(pages);
				for (const [path, content] of files) {
					const target = join(dist, 'search-index', path);
					mkdirSync(dirname(target), { recursive: true });
					writeFileSync(target, content);
				}
				logger.info(`精确检索索引：${pages.length} 个页面，${files.size} 个文件。`);

				const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
				if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
				const added = await index.addDirectory({ path: dist });
				if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
				const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
				if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
				await pagefind.close();
				logger.info(`Pagefind：${added.page_count} 个页面。`);
			},
		},
	};
}
