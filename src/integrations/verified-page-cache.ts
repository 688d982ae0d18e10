import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroConfig, AstroIntegration } from 'astro';

/**
 * Makes Astro's incremental build (`experimental.incrementalBuild`) trust only pages a finished build
 * wrote. Astro writes each page and its cached copy as it renders, but its manifest of cacheKeys only
 * at the end; a page whose key matches the manifest is reused from dist/ or the copy without looking at
 * it. So a build that renders an edited page and then fails (or is killed) leaves the edited page
 * behind under the old key: revert the edit, and the next build kept publishing the reverted text.
 *
 * At the end of every build that finishes, the signature (size, times, inode: lib/file-signature) of
 * every page Astro keeps a copy of is recorded, in dist/ and in the cache. At the start of the next,
 * a page whose file in either place is not the one recorded — written by a build that did not finish,
 * or by anything else — is deleted in both, so Astro renders it again. Without a record (first
 * build, or the record lost) Astro's manifest is deleted: everything is rendered.
 *
 * Astro's image cache is trusted the same way: it copies a cached picture into dist/ without
 * reading it, so one cut short by a killed build was published broken (found by
 * tests/build/fault-tolerance.test.ts). A picture not as a finished build left it is deleted, and
 * every page rendered again, which makes it again (a rare case: a build killed while making pictures).
 *
 * The ledger (src/lib/page-ledger.ts) is kept on a thread of its own, from the moment the build is set
 * up: it checks the pages while the content is validated on this thread, and records them while the
 * other integrations finish. At 100,000 articles each took ~3–5 s of a rebuild's critical path here
 * (a stat of 122,000 pages, and reading the ledger and Astro's manifest, ~25 MB each; 2026-12-05).
 * Hence two integrations: `opening` first in the list, so that the thread starts before validation,
 * and `closing` last, so that the build ends only once the pages are recorded.
 */
export function verifiedPageCache(): { opening: AstroIntegration; closing: AstroIntegration } {
	let thread: LedgerThread | undefined;
	let dirs: LedgerDirs | undefined;
	let recorded: Promise<void> | undefined;
	const dirsOf = (config: AstroConfig): LedgerDirs => ({
		worker: join(fileURLToPath(config.root), 'src/lib/page-ledger-worker.ts'),
		cacheDir: fileURLToPath(config.cacheDir),
		outDir: fileURLToPath(config.outDir),
	});
	const forced = process.argv.includes('--force');
	return {
		opening: {
			name: 'huiji:verified-page-cache',
			hooks: {
				'astro:config:setup': ({ command, config }) => {
					if (command !== 'build') return;
					dirs = dirsOf(config);
					thread = startLedgerThread(dirs, forced);
				},
				'astro:config:done': ({ config }) => {
					// Should another integration have moved a folder since, the thread starts again on the right one.
					const final = dirsOf(config);
					if (thread && JSON.stringify(final) !== JSON.stringify(dirs)) thread = startLedgerThread(final, forced, thread.stop());
					dirs = final;
				},
				'astro:build:start': async ({ logger }) => {
					thread ??= startLedgerThread(dirs!, forced);
					const distrusted = await thread.opened;
					if (distrusted === 'all') logger.info('增量构建：没有上次完整构建的记录，全部页面重新生成。');
					else if (distrusted.length) logger.info(`增量构建：${distrusted.length} 个页面不是上次完整构建写下的（如 ${distrusted.slice(0, 3).join('、')}），重新生成。`);
				},
				'astro:build:done': () => {
					recorded = thread!.record();
					recorded.catch(() => {}); // awaited by `closing`
				},
			},
		},
		closing: {
			name: 'huiji:verified-page-cache-record',
			hooks: {
				'astro:build:done': async () => {
					await recorded;
				},
			},
		},
	};
}

type LedgerDirs = { worker: string; cacheDir: string; outDir: string };

/** The ledger's thread: `opened` gives what it distrusted; `record()` has it record the finished build. */
interface LedgerThread {
	opened: Promise<string[] | 'all'>;
	record(): Promise<void>;
	/** Ends the thread once it has checked the pages (two threads must not check the same pages at once). */
	stop(): Promise<void>;
}

/**
 * Starts the ledger's thread once `after` settles. The thread keeps the process alive only while this
 * one waits for it: a build that fails during validation must still exit.
 */
function startLedgerThread({ worker: file, cacheDir, outDir }: LedgerDirs, forced: boolean, after: Promise<unknown> = Promise.resolve()): LedgerThread {
	const worker = after.then(() => {
		const w = new Worker(file, { workerData: { cacheDir, outDir, forced } });
		w.unref();
		return w;
	});
	const opened = worker.then((w) => reply(w, (m) => m.distrusted as string[] | 'all' | undefined));
	opened.catch(() => {}); // seen by whoever waits for it
	return {
		opened,
		record: async () => {
			const w = await worker;
			const recorded = reply(w, (m) => (m.recorded ? true : undefined));
			w.postMessage('record');
			await recorded;
			await w.terminate();
		},
		stop: async () => {
			await opened.catch(() => {});
			await (await worker).terminate();
		},
	};
}

/** The first message of `worker` that `pick` takes, the worker kept referenced meanwhile; rejects if it fails or exits first. */
function reply<T>(worker: Worker, pick: (message: Record<string, unknown>) => T | undefined): Promise<T> {
	worker.ref();
	return new Promise<T>((resolve, reject) => {
		const settle = (settled: () => void) => {
			worker.off('message', onMessage).off('error', onError).off('exit', onExit);
			worker.unref();
			settled();
		};
		const onMessage = (message: Record<string, unknown>) => {
			const value = pick(message);
			if (value !== undefined) settle(() => resolve(value));
		};
		const onError = (error: Error) => settle(() => reject(error));
		const onExit = (code: number) =>
			settle(() => reject(new Error(`页面记录线程意外退出（代码 ${code}）：请重新构建；若仍出错，删除缓存文件夹（默认 node_modules/.astro）后再构建。`)));
		worker.on('message', onMessage).on('error', onError).on('exit', onExit);
	});
}
