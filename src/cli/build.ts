import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ASTRO_MANIFEST, buildCacheDir } from '../lib/cache-dir.ts';
import { parseShard, SHARD_ENV } from '../lib/shard.ts';
import { SEPARATE_INDEX_ENV, takePendingIndex, type PendingIndex } from '../search/separate-index.ts';
import type { PreparedIndexes } from '../search/write-indexes.ts';

// `npm run build [-- <astro build options>]`: `astro build`, then the search indexes in this process
// once Astro has exited, so that its memory and theirs are never held at once (at 100,000 articles
// Astro's process ends at 4.8 GB, and the indexes need ~1 GB of page text, their arrays and
// Pagefind's process). Node runs this file as it is: its imports name their files.
//
// A large archive can be built in shards, side by side (a CI matrix; src/lib/shard.ts):
//   npm run build -- --shard k/n --outDir shards/k   one shard's pages, no search index
//   npm run build -- --merge shards [--outDir dist]   the shards merged, then the search indexes
const project = join(import.meta.dirname, '..', '..');
const log = (message: string) => console.log(`${new Date().toTimeString().slice(0, 8)} [huiji:build] ${message}`);
const logger = { info: log, warn: log, error: (message: string) => console.error(message) };

const REBUILD_HEAP_MB = 6144;
// The index step's modules (the HTML parser, Pagefind's API, the exact index: ~0.3 s of loading and
// type stripping) are loaded once Astro has been started, not before: Astro's start waited for them.
const indexStep = () => import('../search/write-indexes.ts');

const args = process.argv.slice(2);
/** The value after `flag` in the arguments, removed from them; undefined without the flag. */
function take(flag: string): string | undefined {
	const at = args.indexOf(flag);
	if (at < 0) return undefined;
	const [, value] = args.splice(at, 2);
	if (value === undefined || value.startsWith('--')) fail(`${flag} 后面缺少值：写法见 README 的 “Sharded builds” 一节（如 --shard 2/4、--merge shards）。`);
	return value;
}
function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

// HUIJI_SHARD set by hand is the same as --shard: that build is a shard too.
const shardText = take('--shard') ?? process.env[SHARD_ENV];
const mergeFrom = take('--merge');
if (shardText && mergeFrom) fail('--shard 与 --merge 不能同时使用：先分别构建每一片（--shard），再合并（--merge）。');

let pending: PendingIndex;
let prepared: PreparedIndexes | undefined;
const searchCache = join(buildCacheDir(project), 'search');
if (mergeFrom) {
	const outDir = resolve(project, take('--outDir') ?? 'dist');
	if (args.length) fail(`--merge 只接受 --outDir，不接受 ${args.join(' ')}。`);
	try {
		const { mergeShards } = await import('../lib/shard-output.ts');
		const merged = await mergeShards(resolve(project, mergeFrom), outDir, logger);
		log(`合并 ${merged.shards} 个分片：${merged.files} 个文件，复制 ${merged.copied} 个，删除 ${merged.removed} 个。`);
		pending = merged.pending;
	} catch (error) {
		fail((error as Error).message);
	}
} else {
	const shard = shardText ? parseShardOrFail(shardText) : undefined;
	const env: NodeJS.ProcessEnv = { ...process.env, [SEPARATE_INDEX_ENV]: 'separate', ...(shard && { [SHARD_ENV]: shardText }) };
	// A rebuild (Astro's incremental manifest is there) gives Astro's heap a higher limit than Node's
	// default (~4.2 GB here), and V8 collects less often: garbage collection was 8.3 of Astro's 48.6 s
	// of CPU in a rebuild at 100,000 articles. With 6 GB a rebuild after one edit took 61.5 s against
	// 65.9 s (medians of three, alternating, 2026-12-04), the process tree staying under 2.2 GB. A cold
	// build keeps the default: its peak (4.9 GB in Astro at 100,000) is what the memory target is on.
	if (existsSync(join(buildCacheDir(project, env), ASTRO_MANIFEST)) && !/--max-old-space-size/.test(env.NODE_OPTIONS ?? '')) {
		env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --max-old-space-size=${REBUILD_HEAP_MB}`.trim();
	}
	const astro = spawn(join(project, 'node_modules/.bin/astro'), ['build', ...args], { cwd: project, stdio: 'inherit', env });
	const exited = new Promise<number | null>((resolve, reject) => astro.once('error', reject).once('close', resolve));
	// Meanwhile, on this process's core (Astro renders on one), the index step reads its cache: only it
	// writes there. A shard leaves its search index input with its pages, for the merge.
	// Should that fail, the index step reads it again after Astro, and fails there with the reason.
	if (!shard) {
		try {
			prepared = (await indexStep()).prepareSearchIndexes(searchCache);
		} catch {
			prepared = undefined;
		}
	}
	const status = await exited;
	if (status !== 0) process.exit(status ?? 1);
	if (shard) process.exit(0);
	pending = takePendingIndex(searchCache);
}
const { indexReport, writeSearchIndexes } = await indexStep();
const written = await writeSearchIndexes(pending.site, new Map(pending.facts), { cacheDir: searchCache, base: pending.base, prepared });
console.log(`${new Date().toTimeString().slice(0, 8)} [huiji:search-index] ${indexReport(written)}`);

function parseShardOrFail(text: string) {
	try {
		return parseShard(text);
	} catch (error) {
		fail((error as Error).message);
	}
}
