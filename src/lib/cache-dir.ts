import { resolve } from 'node:path';

/**
 * Astro's cache folder for a build (astro.config.mjs `cacheDir`), as an absolute path from the
 * project folder: `HUIJI_CACHE_DIR` (the scale benchmark keeps one per generated archive) or Astro's
 * default. The search index step run after `astro build` (src/cli/build.ts) finds its work there.
 */
export const buildCacheDir = (project: string, env: NodeJS.ProcessEnv = process.env): string => resolve(project, env.HUIJI_CACHE_DIR ?? 'node_modules/.astro');
