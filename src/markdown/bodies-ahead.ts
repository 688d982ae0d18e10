import { Worker } from 'node:worker_threads';
import { CLAIM, sharedClaims } from '../lib/claims.ts';

/** A body rendered to HTML, and whether it has any text at all (as render-file.ts returns it). */
export interface RenderedBody {
	html: string;
	empty: boolean;
}

/** Bodies the thread may have rendered and the pages not yet taken: ~7 KB each (3,300 characters of HTML), ~60 MB at most at any size. */
const WINDOW = 8_000;
/** Bodies one build can hand the thread (one byte each of shared memory); any beyond are rendered by their pages. */
const CAPACITY = 1 << 20;

interface Ahead {
	/** Each body handed to the thread, by `file:bodyStart`: its place in the thread's list. */
	index: Map<string, number>;
	/** What the thread sent, by place; null when the page must render it (a picture in it, or a failure). */
	results: Map<number, RenderedBody | null>;
	/** Pages waiting for a body the thread is rendering now. */
	waiting: Map<number, (body: RenderedBody | null) => void>;
	/** Per place, a CLAIM: the thread and the pages each take a body only if it is still free. */
	claims: Uint8Array;
	/** [results the pages took]: the thread stays at most its window (WINDOW) ahead of it. */
	taken: Int32Array;
	/** Set when the thread stopped: pages render every body themselves from then on. */
	stopped: boolean;
	/** Bodies pages took from the thread, and bodies handed over that pages rendered themselves. */
	counts: BodiesAheadCounts;
	/** Called when a page took a body the thread rendered (which may let the thread go on). */
	took: () => void;
}

export interface BodiesAheadCounts {
	fromThread: number;
	byPages: number;
	/** Why the thread stopped before the pages were done, if it did: its bodies were then rendered by their pages. */
	failed?: string;
}

const KEY = Symbol.for('huiji.bodies-ahead');
const slot = globalThis as Record<symbol, Ahead | undefined>;
const keyOf = (file: string, bodyStart: number) => `${file}:${bodyStart}`;

/**
 * Renders article and event bodies on a thread of their own, from the moment validation reads them,
 * so that the page thread finds them rendered. On two cores the second one has little to do until
 * the share cards are drawn (they need the site model): at 5,000 articles a cold build's first
 * ~8 s, in which the thread renders most of the 5,100 bodies, ~10 s of Markdown on the page thread
 * otherwise (2026-12-05: Astro's pages 36.8–52.1 s against 42.3–70 s, nine alternating pairs).
 *
 * Only bodies the validator read afresh are handed over (every file of a cold build; a rebuild's
 * edited files, when there are more than a few): a page whose body was not (its template changed,
 * say) renders it as before. A body with an image of the site's own is left to its page, which makes
 * the responsive picture with Astro's image service; so is any body the thread fails on, so that the
 * page reports the failure. The pipeline is the page's (./processor.ts), so the HTML is the same
 * either way (tests/build/bodies-ahead.test.ts).
 *
 * The build's integration (src/integrations/validate-content.ts) starts it with the path of
 * ./bodies-ahead-worker.ts; pages take from it through render-file.ts. Handed over on globalThis:
 * the two are different module graphs of one process.
 */
export function startBodiesAhead(
	root: string,
	workerFile: string,
	window = WINDOW,
): {
	add(file: string, bodyStart: number): void;
	/** Settles once the thread has nothing to do: every body handed to it rendered or passed by, or its window full. */
	idle(): Promise<void>;
	stop(): Promise<BodiesAheadCounts>;
} {
	let handed = 0;
	// Whether the thread's last report of a stop stands: it had every body handed so far, and no page has taken one since it stopped at its window.
	let idle = false;
	let blocked = false;
	let onIdle: (() => void)[] = [];
	const wake = () => {
		for (const waiter of onIdle) waiter();
		onIdle = [];
	};
	const ahead: Ahead = {
		index: new Map(),
		results: new Map(),
		waiting: new Map(),
		claims: sharedClaims(CAPACITY),
		taken: new Int32Array(new SharedArrayBuffer(4)),
		stopped: false,
		counts: { fromThread: 0, byPages: 0 },
		took: () => {
			if (blocked) idle = false;
		},
	};
	const worker = new Worker(workerFile, { workerData: { root, window, claims: ahead.claims, taken: ahead.taken } });
	// Never what keeps a build's process alive: it ends with the pages (stop), or with the process.
	worker.unref();
	const settle = (place: number, body: RenderedBody | null) => {
		const waiter = ahead.waiting.get(place);
		if (!waiter) return void ahead.results.set(place, body);
		ahead.waiting.delete(place);
		waiter(body);
	};
	worker.on('message', (message: { place: number; body: RenderedBody | null } | { received: number; blocked: boolean }) => {
		if (!('received' in message)) return settle(message.place, message.body);
		blocked = message.blocked;
		idle = message.received === handed;
		if (idle) wake();
	});
	const stopped = () => {
		ahead.stopped = true;
		for (const place of [...ahead.waiting.keys()]) settle(place, null);
		wake();
	};
	worker.on('error', (error) => {
		ahead.counts.failed ??= error.message;
		stopped();
	});
	worker.on('exit', (code) => {
		if (!ahead.stopped) ahead.counts.failed ??= `退出代码 ${code}`;
		stopped();
	});
	slot[KEY] = ahead;
	return {
		add(file, bodyStart) {
			const place = handed;
			if (place >= CAPACITY || ahead.stopped) return;
			ahead.index.set(keyOf(file, bodyStart), place);
			worker.postMessage({ place, file, bodyStart });
			handed++;
			idle = false;
		},
		idle: () => (ahead.stopped || idle ? Promise.resolve() : new Promise((resolve) => onIdle.push(resolve))),
		async stop() {
			if (slot[KEY] === ahead) slot[KEY] = undefined;
			stopped();
			await worker.terminate();
			return ahead.counts;
		},
	};
}

/**
 * The body of `file` from `bodyStart` as the thread rendered it, waiting for it if the thread is at
 * it now; undefined when the page is to render it (not handed over, not reached yet, or left to it).
 * Each body is taken once.
 */
export async function takeBodyAhead(file: string, bodyStart: number): Promise<RenderedBody | undefined> {
	const ahead = slot[KEY];
	if (!ahead) return undefined;
	const key = keyOf(file, bodyStart);
	const place = ahead.index.get(key);
	if (place === undefined) return undefined;
	ahead.index.delete(key);
	// Not reached by the thread (or the thread is gone): the page renders it, and the thread will pass it by.
	if (ahead.stopped || Atomics.compareExchange(ahead.claims, place, CLAIM.free, CLAIM.page) === CLAIM.free) {
		ahead.counts.byPages++;
		return undefined;
	}
	const sent = ahead.results.get(place);
	const body = sent !== undefined ? sent : await new Promise<RenderedBody | null>((resolve) => ahead.waiting.set(place, resolve));
	ahead.results.delete(place);
	Atomics.add(ahead.taken, 0, 1);
	ahead.took();
	if (body) ahead.counts.fromThread++;
	else ahead.counts.byPages++;
	return body ?? undefined;
}
