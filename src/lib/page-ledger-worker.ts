import { parentPort, workerData } from 'node:worker_threads';
import { pagesAtStart, recordPages } from './page-ledger.ts';

// The page ledger's thread (src/integrations/verified-page-cache.ts starts it as the build is set
// up): checks the pages against the ledger and posts what it distrusted, keeps what it found, and
// records the pages when told that the build has finished.
const { cacheDir, outDir, forced } = workerData as { cacheDir: string; outDir: string; forced: boolean };
const { distrusted, atStart } = pagesAtStart(cacheDir, outDir, forced);
parentPort!.postMessage({ distrusted });
parentPort!.once('message', () => {
	recordPages(cacheDir, outDir, atStart);
	parentPort!.postMessage({ recorded: true });
});
