import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { measure, type Measured } from './measure';

export interface ArchiveBuild extends Measured {
	dist: string;
	/** ms spent in each step, from the build's own log lines. */
	steps: { validate: number; pages: number; index: number };
}

/**
 * `npm run build` of a generated archive with the project's real configuration: content and seeds
 * from `root` (HUIJI_CONTENT_ROOT), Astro's content cache and Node's compile cache in `root` too.
 * `cold` empties both caches first, as on a fresh clone.
 */
export async function buildArchive(projectRoot: string, root: string, { cold }: { cold: boolean }): Promise<ArchiveBuild> {
	const cache = join(root, 'cache');
	const compileCache = join(root, 'compile-cache');
	if (cold) for (const dir of [cache, compileCache]) rmSync(dir, { recursive: true, force: true });
	const dist = join(root, 'dist');
	// What `npm run build` runs: astro build, then the search indexes once Astro has exited.
	const run = await measure(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/build.ts', '--outDir', dist], {
		cwd: projectRoot,
		env: { HUIJI_CONTENT_ROOT: root, HUIJI_CACHE_DIR: cache, NODE_COMPILE_CACHE: compileCache },
		// Pages are written when the sitemap is; the search indexes come after.
		marks: { validated: /内容校验/, pages: /sitemap-index\.xml/, indexed: /检索索引：精确索引/ },
	});
	const { validated = NaN, pages = NaN, indexed = NaN } = run.marks;
	return { ...run, dist, steps: { validate: validated, pages: pages - validated, index: indexed - pages } };
}
