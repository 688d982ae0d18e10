import { resolve } from 'node:path';
import { buildShard } from './shard.ts';

/**
 * Astro's cache folder for a build (astro.config.mjs `cacheDir`), as an absolute path from the
 * project folder: `HUIJI_CACHE_DIR` (the scale benchmark keeps one per generated archive) or Astro's
 * default. The search index step run after `astro build` (src/cli/build.ts) finds its work there.
 * Each shard of a sharded build (./shard.ts) keeps its own, under shard-k-of-n/: its incremental-build
 * manifest names only its pages, and shards built one after another on one machine must not
 * overwrite each other's.
 */
export function buildCacheDir(project: string, env: NodeJS.ProcessEnv = process.env): string {
	const dir = resolve(project, env.HUIJI_CACHE_DIR ?? 'node_modules/.astro');
	const shard = buildShard(env);
	return shard ? resolve(dir, `shard-${shard.index}-of-${shard.count}`) : dir;
}

/** Astro's incremental-build manifest, in its cache folder (astro/dist/core/build/incremental.js). */
export const ASTRO_MANIFEST = 'incremental-build.json';
