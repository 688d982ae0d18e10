import { parentPort, workerData } from 'node:worker_threads';
import type { PendingIndex } from './separate-index';
import { writeSearchIndexes } from './write-indexes.ts';

// The search index step of `astro build`, on a thread of its own (src/integrations/search-index.ts
// starts it; Node loads this file as it is, so the modules it imports name their files).
const { site, facts, cacheDir, base } = workerData as PendingIndex & { cacheDir: string };
parentPort!.postMessage(await writeSearchIndexes(site, new Map(facts), { cacheDir, base }));
