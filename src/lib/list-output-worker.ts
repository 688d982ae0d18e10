import { parentPort, workerData } from 'node:worker_threads';
import { listOutput } from './sweep-output.ts';

// Lists the output folder on a thread of its own while Astro renders (stale-output.ts starts it; Node
// loads this file as it is, so its imports name their files), and posts the listing.
const { root, spared } = workerData as { root: string; spared: string[] };
parentPort!.postMessage(listOutput(root, spared));
