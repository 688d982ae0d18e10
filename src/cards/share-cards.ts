import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeFileAtomic } from '../lib/cache-file';
import type { ShareCard } from '../lib/site-model';
import { CLAIM, sharedClaims } from '../lib/claims';
import { renderCard } from './render-card';

/** One card to draw, under the key its PNG is kept by (its route's cacheKey). */
export interface CardJob {
	key: string;
	card: ShareCard;
}

/**
 * What the share-cards integration (src/integrations/share-cards.ts) hands the build's pages: where
 * the drawing thread's file is, where drawn cards are kept, and what was drawn. Handed over on
 * globalThis, as the content pass is: the integration and the pages are different module graphs of
 * one process. Absent in `astro dev`, which draws a card when it is asked for.
 */
export interface CardBuild {
	worker: string;
	folder: string;
	drawn: number;
	reused: number;
	/** Cards a page asked for before the thread came to them, drawn by the page. */
	drawnByPages: number;
	/** Kept cards found damaged when a page asked for them, and drawn again on this thread. */
	redrawn: number;
	/** Time the drawing thread spent, ms. */
	drawingMs: number;
	/** Settles when every card this build needs is drawn. */
	finished: Promise<void>;
}
const KEY = Symbol.for('huiji.share-cards');
const slot = globalThis as Record<symbol, CardBuild | undefined>;
export const cardBuild = {
	get: () => slot[KEY],
	set: (build: CardBuild | undefined) => void (slot[KEY] = build),
};

/**
 * The PNG of each card, by key. In a build, every card not kept from an earlier build starts being
 * drawn at once on a thread of its own (./card-worker.ts), while this thread renders the pages:
 * Astro renders one page at a time, and at 10,000 articles the 2,201 cards took 62 s of the ~225 s
 * build on that one thread (~28 ms each: satori's layout, then sharp). Their route comes after the
 * articles' in Astro's order, so by then most are drawn; a card the thread has not begun when its page
 * asks for it is drawn by the page (src/lib/claims.ts), and the two cores share the last ones (with
 * the bodies rendered ahead, the 5,000-article pages were done ~7 s before the thread's cards). Cards
 * are kept in the cache by key, written whole or not at all; keys no card has any more are removed.
 *
 * A kept card is checked whole when a page asks for it, not before: Astro reuses an unchanged card's
 * page without asking, so a rebuild asks for a few cards, and opening all 22,001 kept cards at
 * 100,000 articles to check them took 2.2 s of a rebuild after one edit (2026-12-05). One found cut
 * short (a cache file damaged by anything else) is drawn again there and then, never published.
 */
export function shareCardPngs(cards: CardJob[], accent: string): (key: string) => Promise<Buffer> {
	const build = cardBuild.get();
	const byKey = new Map(cards.map((c) => [c.key, c.card]));
	if (!build) return (key) => renderCard(byKey.get(key)!, accent);
	const { folder } = build;
	mkdirSync(folder, { recursive: true });
	const wanted = new Set(cards.map((c) => `${c.key}.png`));
	const kept = new Set<string>();
	for (const file of readdirSync(folder)) {
		if (wanted.has(file)) kept.add(file);
		else rmSync(join(folder, file), { force: true });
	}
	const jobs = cards.filter((c) => !kept.has(`${c.key}.png`));
	Object.assign(build, { drawn: jobs.length, reused: cards.length - jobs.length });
	const pending = new Map(jobs.map((job, place) => [job.key, { place, ...Promise.withResolvers<void>() }]));
	for (const { promise } of pending.values()) promise.catch(() => {}); // rejections are seen by whoever awaits the card
	// Per card, who draws it: the thread, or a page that asks for it before the thread came to it.
	const claims = sharedClaims(jobs.length);
	const thread = jobs.length ? drawOnThread(build, jobs, accent, claims, pending) : undefined;
	// The thread does not keep the process alive on its own (a failed build must exit), only while a page waits for it.
	let waiting = 0;
	/** A card drawn on this thread and kept, whole, under its key. */
	const drawHere = async (key: string): Promise<Buffer> => {
		const drawn = await renderCard(byKey.get(key)!, accent);
		writeFileAtomic(join(folder, `${key}.png`), drawn);
		return drawn;
	};
	const file = async (key: string): Promise<Buffer> => {
		const png = readIfAny(join(folder, `${key}.png`));
		if (png && wholePng(png)) return png;
		build.redrawn++;
		return drawHere(key);
	};
	return async (key) => {
		const drawing = pending.get(key);
		if (!drawing) return file(key);
		// Not begun by the thread: this page draws it, so that the two share the last cards instead of
		// the pages waiting for the thread (at 5,000 articles the pages were done ~7 s before the cards).
		if (Atomics.compareExchange(claims, drawing.place, CLAIM.free, CLAIM.page) === CLAIM.free) {
			pending.delete(key);
			build.drawnByPages++;
			return drawHere(key);
		}
		if (waiting++ === 0) thread?.ref();
		try {
			await drawing.promise;
		} finally {
			if (--waiting === 0) thread?.unref();
		}
		return file(key);
	};
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
/**
 * Whether a kept card is a whole PNG (its signature first, its end chunk last). Cards are written
 * whole or not at all, but a cache file cut short by anything else must not be published: this one
 * would be, as Astro copies a route's output without looking at it (tests/build/fault-tolerance.test.ts).
 */
function wholePng(png: Buffer): boolean {
	return png.length >= SIGNATURE.length + IEND.length && png.subarray(0, SIGNATURE.length).equals(SIGNATURE) && png.subarray(png.length - IEND.length).equals(IEND);
}

function readIfAny(path: string): Buffer | undefined {
	try {
		return readFileSync(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** Starts the drawing thread on `jobs`, settling each card's promise and `build.finished`; returns the thread, unreferenced. */
function drawOnThread(build: CardBuild, jobs: CardJob[], accent: string, claims: Uint8Array, pending: Map<string, PromiseWithResolvers<void>>): Worker {
	const { promise: finished, resolve, reject } = Promise.withResolvers<void>();
	build.finished = finished;
	const worker = new Worker(build.worker, { workerData: { folder: build.folder, accent, jobs, claims } });
	worker.unref();
	const fail = (error: Error) => {
		for (const { reject: rejectCard } of pending.values()) rejectCard(error);
		reject(error);
	};
	worker.on('message', (message: { key: string; error?: string } | { finished: number }) => {
		if ('finished' in message) {
			build.drawingMs = message.finished;
			return resolve();
		}
		const card = pending.get(message.key)!; // the thread reports only cards it claimed, which no page drew
		if (message.error) return card.reject(new Error(`分享图 ${message.key} 绘制失败：${message.error}`));
		pending.delete(message.key);
		card.resolve();
	});
	worker.on('error', fail);
	worker.on('exit', (code) => {
		if (pending.size) fail(new Error(`分享图的绘制线程提前退出（代码 ${code}），${pending.size} 张未画完。`));
	});
	return worker;
}
