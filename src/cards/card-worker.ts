import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { writeFileAtomic } from '../lib/cache-file.ts';
import { CLAIM } from '../lib/claims.ts';
import type { CardJob } from './share-cards';
import { renderCard } from './render-card.ts';

// The drawing thread of a build (./share-cards.ts starts it; Node loads this file as it is, so its
// imports name their files). Each card is written whole under its key, then reported.
const { folder, accent, jobs, claims } = workerData as { folder: string; accent: string; jobs: CardJob[]; claims: Uint8Array };
const started = performance.now();
for (const [place, { key, card }] of jobs.entries()) {
	// A page that asked for it before this thread came to it draws it itself.
	if (Atomics.compareExchange(claims, place, CLAIM.free, CLAIM.thread) !== CLAIM.free) continue;
	try {
		writeFileAtomic(join(folder, `${key}.png`), await renderCard(card, accent));
		parentPort!.postMessage({ key });
	} catch (error) {
		parentPort!.postMessage({ key, error: (error as Error).message });
	}
}
parentPort!.postMessage({ finished: performance.now() - started });
