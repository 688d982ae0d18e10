import { parentPort } from 'node:worker_threads';
import { readPageJob, type PageJob } from './read-page.ts';

// A thread that reads built pages beside the index step's own (./read-pages-in-parallel.ts). Node
// loads this file as it is, so the modules it imports name their files.
parentPort!.on('message', ({ chunk, jobs }: { chunk: number; jobs: PageJob[] }) => parentPort!.postMessage({ chunk, reads: jobs.map(readPageJob) }));
