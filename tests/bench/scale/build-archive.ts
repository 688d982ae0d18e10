import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadDuring, ThreadKind } from './machine-load';
import { measure, type Measured } from './measure';

export interface ArchiveBuild extends Measured {
	dist: string;
	/** ms spent in each step, from the build's own log lines (a sharded build: its slowest shard's). */
	steps: { validate: number; pages: number; index: number };
	/** A sharded build's jobs: each shard's wall time and peak, then the merge's (merging, then the search indexes). */
	jobs?: { shards: { wall: number; peakTree: number }[]; merge: number; index: number; serial: number };
}

/**
 * `npm run build` of a generated archive with the project's real configuration: content and seeds
 * from `root` (HUIJI_CONTENT_ROOT), Astro's content cache and Node's compile cache in `root` too.
 * `cold` empties both caches first, as on a fresh clone.
 */
export async function buildArchive(projectRoot: string, root: string, { cold }: { cold: boolean }): Promise<ArchiveBuild> {
	if (cold) emptyCaches(root);
	const dist = join(root, 'dist');
	// What `npm run build` runs: astro build, then the search indexes once Astro has exited.
	const run = await npmRunBuild(projectRoot, root, ['--outDir', dist], {
		validated: /内容校验/,
		// Pages are written when the sitemap is; the search indexes come after.
		pages: /sitemap-index\.xml/,
		indexed: /检索索引：精确索引/,
	});
	const { validated = NaN, pages = NaN, indexed = NaN } = run.marks;
	return { ...run, dist, steps: { validate: validated, pages: pages - validated, index: indexed - pages } };
}

/**
 * The same archive built as a CI matrix would build it (src/lib/shard.ts): `shards` jobs of
 * `npm run build -- --shard k/n`, run here one after another so that each has the machine to itself,
 * then `npm run build -- --merge`. Its wall time is the matrix's: the slowest shard, then the merge;
 * its peak the highest of any one job (each has a machine of its own in a matrix); `jobs.serial` is
 * the time all of it took here. Each shard keeps its own cache (src/lib/cache-dir.ts).
 */
export async function buildShardedArchive(projectRoot: string, root: string, { cold, shards }: { cold: boolean; shards: number }): Promise<ArchiveBuild> {
	if (cold) emptyCaches(root);
	const runs: Measured[] = [];
	for (let k = 1; k <= shards; k++) {
		runs.push(await npmRunBuild(projectRoot, root, ['--shard', `${k}/${shards}`, '--outDir', join(root, 'shards', String(k))], { validated: /内容校验/, pages: /分片 \d+\/\d+：/ }));
	}
	const dist = join(root, 'dist');
	const merge = await npmRunBuild(projectRoot, root, ['--merge', join(root, 'shards'), '--outDir', dist], { merged: /合并 \d+ 个分片/, indexed: /检索索引：精确索引/ });
	const slowest = runs.reduce((a, b) => (b.wall > a.wall ? b : a));
	const { validated = NaN, pages = NaN } = slowest.marks;
	const { merged = NaN, indexed = NaN } = merge.marks;
	const all = [...runs, merge];
	const load: LoadDuring = {
		ownCpu: all.reduce((sum, r) => sum + r.load.ownCpu, 0),
		otherCpu: all.reduce((sum, r) => sum + r.load.otherCpu, 0),
		stealShare: all.reduce((sum, r) => sum + r.load.stealShare * r.wall, 0) / all.reduce((sum, r) => sum + r.wall, 0),
	};
	return {
		dist,
		wall: slowest.wall + merge.wall,
		peakTree: Math.max(...all.map((r) => r.peakTree)),
		marks: {},
		output: all.map((r) => r.output).join('\n'),
		cpuByThread: sumByKind(all.map((r) => r.cpuByThread)),
		load,
		steps: { validate: validated, pages: pages - validated, index: indexed - merged },
		jobs: { shards: runs.map(({ wall, peakTree }) => ({ wall, peakTree })), merge: merged, index: merge.wall - merged, serial: all.reduce((sum, r) => sum + r.wall, 0) },
	};
}

/** Each kind's CPU time summed over jobs. */
function sumByKind(runs: Measured['cpuByThread'][]): Measured['cpuByThread'] {
	const sums: Measured['cpuByThread'] = {};
	for (const run of runs) for (const [kind, ms] of Object.entries(run) as [ThreadKind, number][]) sums[kind] = (sums[kind] ?? 0) + ms;
	return sums;
}

function emptyCaches(root: string) {
	for (const dir of ['cache', 'compile-cache']) rmSync(join(root, dir), { recursive: true, force: true });
}

function npmRunBuild(projectRoot: string, root: string, args: string[], marks: Record<string, RegExp>): Promise<Measured> {
	return measure(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/build.ts', ...args], {
		cwd: projectRoot,
		env: { HUIJI_CONTENT_ROOT: root, HUIJI_CACHE_DIR: join(root, 'cache'), NODE_COMPILE_CACHE: join(root, 'compile-cache') },
		marks,
	});
}
