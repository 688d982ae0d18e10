import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { sweepOutput } from '../lib/sweep-output';
import { INDEX_FOLDERS } from '../search/write-indexes';

/** Folders other integrations keep up to date themselves: the search indexes, the web editor (cms-admin.ts). */
const MANAGED = new Set<string>([...INDEX_FOLDERS, 'admin']);

/**
 * dist/ is not emptied before a build (`vite.build.emptyOutDir: false`): with incremental builds,
 * pages whose cacheKey is unchanged are then left where they are instead of being deleted and
 * copied back — at 10,000 articles that is ~45,000 files, 4–12 s of this machine's file system.
 * What the last build wrote and this one did not (a deleted article's page, an old script bundle)
 * must then go, or the site would keep serving it: after the build, every file neither written
 * during it nor among its routes' outputs is removed.
 */
export function staleOutputIntegration(): AstroIntegration {
	let started = 0;
	return {
		name: 'huiji:stale-output',
		hooks: {
			'astro:build:start': () => {
				started = Date.now();
			},
			'astro:build:done': ({ dir, assets, logger }) => {
				const outputs = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
				// A second of margin: file times can trail the clock by a few milliseconds.
				const since = started - 1000;
				const removed = sweepOutput(fileURLToPath(dir), (_, full) => !outputs.has(full) && statSync(full).mtimeMs < since, MANAGED);
				if (removed.length) logger.info(`删除了上次构建留下、本次不再生成的 ${removed.length} 个文件（如 ${removed.slice(0, 3).join('、')}）。`);
			},
		},
	};
}
