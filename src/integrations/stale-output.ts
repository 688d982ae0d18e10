import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { onThread } from '../lib/on-thread';
import { listOutput, sweepListed, type OutputListing } from '../lib/sweep-output';
import { INDEX_FOLDERS } from '../search/write-indexes';

/** Folders other integrations keep up to date themselves: the search indexes, the web editor (cms-admin.ts). */
const MANAGED = [...INDEX_FOLDERS, 'admin'];

/**
 * dist/ is not emptied before a build (`vite.build.emptyOutDir: false`): with incremental builds,
 * pages whose cacheKey is unchanged are then left where they are instead of being deleted and
 * copied back — at 10,000 articles that is ~45,000 files, 4–12 s of this machine's file system.
 * What the last build wrote and this one did not (a deleted article's page, an old script bundle)
 * must then go, or the site would keep serving it: after the build, every file neither written
 * during it nor among its routes' outputs is removed.
 *
 * Which files are there is listed on a thread of its own as the build starts, while Astro renders on
 * this one: listing dist/ at 100,000 articles (122,000 page folders) took 2.1 s with the file
 * system's caches warm and 13.1 s with them cold (2026-12-05), all of it on the critical path when
 * it was done at the end. A file that appears after the listing was written during the build, so it
 * is one to keep; the listing is what the sweep looks at, and nothing outside it is removed.
 */
export function staleOutputIntegration(): AstroIntegration {
	let started = 0;
	let project = '';
	let outDir = '';
	let listing: Promise<OutputListing> | undefined;
	return {
		name: 'huiji:stale-output',
		hooks: {
			'astro:config:done': ({ config }) => {
				project = fileURLToPath(config.root);
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': () => {
				started = Date.now();
				listing = onThread<OutputListing>(join(project, 'src/lib/list-output-worker.ts'), { root: outDir, spared: MANAGED }, (code) => `listing ${outDir} stopped (${code})`);
				// Should the thread fail, the folder is listed here at the end instead.
				listing.catch(() => {});
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				const root = fileURLToPath(dir);
				const listed = (root === outDir && (await listing?.catch(() => undefined))) || listOutput(root, MANAGED);
				const outputs = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
				// A second of margin: file times can trail the clock by a few milliseconds.
				const since = started - 1000;
				const stale = (full: string) => (statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < since;
				const removed = sweepListed(root, listed, (_, full) => !outputs.has(full) && stale(full));
				if (removed.length) logger.info(`删除了上次构建留下、本次不再生成的 ${removed.length} 个文件（如 ${removed.slice(0, 3).join('、')}）。`);
			},
		},
	};
}
