import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readCacheJson, writeFileAtomic } from '../lib/cache-file.ts';
import type { PageFacts } from './read-built-pages';

/**
 * Set by `npm run build` (src/cli/build.ts) for its `astro build`: the search indexes are then made
 * after Astro has exited, in a process of its own, instead of at the end of Astro's. What that step
 * needs from the build — the site folder, the base path and the site model's searchable pages — is
 * left in the search cache folder for it.
 */
export const SEPARATE_INDEX_ENV = 'HUIJI_SEARCH_INDEX';
export const separateIndexRequested = (env: NodeJS.ProcessEnv = process.env) => env[SEPARATE_INDEX_ENV] === 'separate';

export interface PendingIndex {
	site: string;
	base: string;
	facts: [string, PageFacts][];
}

const file = (searchCache: string) => join(searchCache, 'pending-index.json');

export const savePendingIndex = (searchCache: string, pending: PendingIndex) => writeFileAtomic(file(searchCache), JSON.stringify(pending));

/** The pending index step a build left in `folder`; throws when there is none. */
export function readPendingIndex(folder: string): PendingIndex {
	const pending = readCacheJson(file(folder)) as PendingIndex | undefined;
	if (!pending) throw new Error(`${file(folder)} 不存在：检索索引要在 astro build 之后建立，但这次构建没有留下所需的页面信息。请用 npm run build 构建（它依次运行 astro build 和这一步）。`);
	return pending;
}

/** The pending index step Astro's build left, removed from the cache; throws when there is none. */
export function takePendingIndex(searchCache: string): PendingIndex {
	const pending = readPendingIndex(searchCache);
	rmSync(file(searchCache));
	return pending;
}
