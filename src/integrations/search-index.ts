import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { contentPass } from '../collections/pass';
import { contentRoot } from '../lib/content-root';
import { buildSiteModel } from '../lib/site-model';
import type { WrittenIndexes } from '../search/write-indexes';

/**
 * After the build: Pagefind's index of the site (related results), and the exact index beside
 * it in /search-index/ that makes Chinese substring queries exact. Which pages are searchable, and
 * their titles, kinds, names and facets, come from the site model built from the build's content
 * pass; their text from the built pages. What can be reused from the last build is kept in Astro's
 * cache folder, under search/.
 *
 * The indexes are made on a thread of its own (src/search/search-index-worker.ts), whose heap holds
 * only the pages' text: at 100,000 articles Astro still held 2.2 GB of its 4 GB heap when the build
 * was done, and the text of the pages is another 0.8 GB.
 */
export function searchIndexIntegration(): AstroIntegration {
	let cacheDir = '';
	let base = '/';
	let root = '';
	let project = '';
	return {
		name: 'huiji:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(new URL('search/', config.cacheDir));
				base = config.base;
				project = fileURLToPath(config.root);
				root = contentRoot(project);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const model = buildSiteModel(contentPass(root).records, { base });
				const facts = model.searchEntries.map((e) => [e.url, e] as const);
				const written = await onThread(join(project, 'src/search/search-index-worker.ts'), { site: fileURLToPath(dir), facts, cacheDir, base });
				const pagefind = written.pagefindReused ? `Pagefind ${written.pagefindPages} 个页面（沿用上次构建）` : `Pagefind ${written.pagefindPages} 个页面`;
				const { exact } = written;
				const how = exact.patched ? `沿用上次构建，更新 ${exact.changedPages} 个页面、改写 ${exact.filesWritten} 个文件` : exact.reason ? `整体重建：${exact.reason}` : '';
				logger.info(`检索索引：精确索引 ${written.pages} 个页面（${written.exactFiles} 个文件${how ? `；${how}` : ''}），${pagefind}。`);
			},
		},
	};
}

/** What the worker at `file` reports, given `workerData`; rejects with its error. */
function onThread(file: string, workerData: unknown): Promise<WrittenIndexes> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(file, { workerData });
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`检索索引线程意外退出（代码 ${code}）。`)));
	});
}
