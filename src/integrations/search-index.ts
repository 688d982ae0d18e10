import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentPass } from '../collections/pass';
import { contentRoot } from '../lib/content-root';
import { onThread } from '../lib/on-thread';
import { buildSiteModel } from '../lib/site-model';
import { handedOverSearchEntries } from '../search/search-entries-handoff';
import { savePendingIndex, separateIndexRequested, type PendingIndex } from '../search/separate-index';
import { indexReport, type WrittenIndexes } from '../search/write-indexes';

/**
 * After the build: Pagefind's index of the site (related results), and the exact index beside
 * it in /search-index/ that makes Chinese substring queries exact. Which pages are searchable, and
 * their titles, kinds, names and facets, come from the site model built from the build's content
 * pass; their text from the built pages. What can be reused from the last build is kept in Astro's
 * cache folder, under search/.
 *
 * `astro build` makes them on a thread of its own (src/search/search-index-worker.ts), whose heap
 * holds only the pages' text: at 100,000 articles Astro still held 2.2 GB of its 4 GB heap when the
 * build was done, and the pages' text is 0.8 GB more. `npm run build` goes further: it makes them
 * after Astro has exited (src/cli/build.ts), so Astro's memory (4.8 GB there) and theirs are never
 * held at once; this build then only leaves what that step needs (src/search/separate-index.ts).
 */
export function searchIndexIntegration(): AstroIntegration {
	let searchCache = '';
	let base = '/';
	let project = '';
	return {
		name: 'huiji:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				searchCache = fileURLToPath(new URL('search/', config.cacheDir));
				base = config.base;
				project = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const job = pendingIndexOf(project, dir, base);
				if (separateIndexRequested()) {
					savePendingIndex(searchCache, job);
					logger.info('检索索引：Astro 退出后单独建立。');
					return;
				}
				logger.info(indexReport(await onThread<WrittenIndexes>(join(project, 'src/search/search-index-worker.ts'), { ...job, cacheDir: searchCache }, (code) => `检索索引线程意外退出（代码 ${code}）。`)));
			},
		},
	};
}

/** The index step of the site Astro built into `dir`: its searchable pages from the site model of the build's content pass. */
export function pendingIndexOf(project: string, dir: URL, base: string): PendingIndex {
	const entries = handedOverSearchEntries(base) ?? buildSiteModel(contentPass(contentRoot(project)).records, { base }).searchEntries;
	return { site: fileURLToPath(dir), base, facts: entries.map((e) => [e.url, e] as [string, typeof e]) };
}
