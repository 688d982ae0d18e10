import { Worker } from 'node:worker_threads';

/**
 * The one message a worker at `file` posts, given `workerData`. Rejects with the worker's error, or,
 * when it exits without posting (its work left unsettled, as when a process it waits on dies), with
 * `exited(code)`: a message that says what did not finish and what to do.
 */
export function onThread<T>(file: string | URL, workerData: unknown, exited: (code: number) => string): Promise<T> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(file, { workerData });
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(exited(code))));
	});
}
