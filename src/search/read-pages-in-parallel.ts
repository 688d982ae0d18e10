import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readPageJob, type PageJob, type PageRead } from './read-page.ts';

/** Pages a thread takes at a time: ~25–50 ms of parsing, so this thread still hears from the others often. */
const CHUNK = 32;
/**
 * Fewer pages than this are read on this thread alone: starting a thread and loading the HTML
 * parser there costs ~0.2 s of the other core, the time of ~130 pages when this was chosen (~280
 * since reading got faster; either way this thread reads meanwhile, so the step is never slower).
 */
const MIN_PARALLEL = 256;

/**
 * `jobs` read (./read-page.ts), in their order: on this thread and, when there are many, on one
 * thread per other core too. Parsing HTML is most of reading a page (~0.7 ms a page, 4.3 s for the
 * 6,345 pages of a 5,000-article archive on one thread; 2026-12-04), and nothing else runs while it does.
 */
export async function readPagesInParallel(jobs: PageJob[], threads = availableParallelism() - 1): Promise<PageRead[]> {
	if (jobs.length < MIN_PARALLEL || threads < 1) return jobs.map(readPageJob);
	const reads: PageRead[] = new Array(jobs.length);
	const chunks = Math.ceil(jobs.length / CHUNK);
	let next = 0;
	const slice = (chunk: number) => jobs.slice(chunk * CHUNK, (chunk + 1) * CHUNK);
	const store = (chunk: number, read: PageRead[]) => read.forEach((r, i) => (reads[chunk * CHUNK + i] = r));
	const workers = Array.from({ length: Math.min(threads, chunks - 1) }, () => new Worker(new URL('./read-page-worker.ts', import.meta.url)));
	try {
		await new Promise<void>((resolve, reject) => {
			let busy = workers.length + 1;
			// After a failure no thread is given more: the step stops with the first reason.
			let failed = false;
			const fail = (error: unknown) => {
				failed = true;
				reject(error);
			};
			const finished = () => --busy === 0 && resolve();
			const give = (worker: Worker) => (!failed && next < chunks ? worker.postMessage({ chunk: next, jobs: slice(next++) }) : finished());
			for (const worker of workers) {
				worker.on('message', ({ chunk, reads: read }: { chunk: number; reads: PageRead[] }) => (store(chunk, read), give(worker)));
				worker.once('error', fail);
				worker.once('exit', (code) => code !== 0 && fail(new Error(`读取页面的线程意外退出（代码 ${code}）。`)));
				give(worker);
			}
			// This thread takes a chunk at a time too, and lets the others' answers in between.
			const own = () => {
				if (failed) return;
				if (next >= chunks) return finished();
				const chunk = next++;
				try {
					store(chunk, slice(chunk).map(readPageJob));
				} catch (error) {
					return fail(error);
				}
				setImmediate(own);
			};
			setImmediate(own);
		});
	} finally {
		await Promise.all(workers.map((worker) => worker.terminate()));
	}
	return reads;
}
