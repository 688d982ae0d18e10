/**
 * A sharded build (`npm run build -- --shard k/n`, src/cli/build.ts) renders only the pages of the
 * entries whose id falls in shard k of n; n such builds, run side by side (a CI matrix), are merged
 * into one site before the search indexes are made (./shard-output.ts). Pages without an entry
 * (home, lists, search, 404) are rendered by every shard, identically. At 100,000 articles one build
 * spends ~21 of its ~32 minutes rendering pages on Astro's one thread: n jobs divide that by n.
 *
 * An entry's shard comes from its id alone, not from its place in a list, so adding an article moves
 * no other page to another shard (each job keeps its own incremental-build cache), and every page of
 * one entry (its page, feed, calendar, share card) is rendered by the same job.
 */
export const SHARD_ENV = 'HUIJI_SHARD';

export interface Shard {
	/** 1-based. */
	index: number;
	count: number;
}

/** The shard `k/n` names; throws, saying the fix, when it is not one. */
export function parseShard(text: string): Shard {
	const match = /^(\d+)\/(\d+)$/.exec(text.trim());
	const [index, count] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
	if (!(count >= 1 && index >= 1 && index <= count)) {
		throw new Error(`分片“${text}”无效：应写作 k/n，n 为分片总数，k 为 1 到 n 之间的序号（如 2/4 表示四片中的第二片）。`);
	}
	return { index, count };
}

/** The shard this build renders (HUIJI_SHARD), or undefined for a whole build. */
export const buildShard = (env: NodeJS.ProcessEnv = process.env): Shard | undefined => (env[SHARD_ENV] ? parseShard(env[SHARD_ENV]) : undefined);

/** 1-based shard of an entry id among `count`: FNV-1a of its UTF-16 code units (stable, fast, spread evenly). */
export function shardOf(id: string, count: number): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
	return ((hash >>> 0) % count) + 1;
}

/** The entries whose pages a build of `shard` renders: all of them, or in a sharded build those of its shard. */
export function entriesOfShard<T extends { id: string }>(entries: readonly T[], shard: Shard | undefined): T[] {
	return shard ? entries.filter((e) => shardOf(e.id, shard.count) === shard.index) : [...entries];
}
