import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { CLAIM } from '../lib/claims.ts';
import type { RenderedBody } from './bodies-ahead.ts';
import { isSiteImage } from './image-references.ts';
import { markdownProcessorWith, markdownShared } from './processor.ts';

// The thread that renders bodies ahead of their pages (./bodies-ahead.ts starts it and explains
// why). Node loads this file as it is, so the modules it imports name their files.
const { root, window, claims, taken } = workerData as { root: string; window: number; claims: Uint8Array; taken: Int32Array };

// In the place of the page's picture step (rehype-pictures.ts), which changes nothing in a body
// without an image of the site's own: with none, the HTML is the page's. One with any is left to
// its page (bodies are rendered one at a time, so one flag will do).
let sitePicture = false;
const leaveSitePictures = () => (tree: Root) => {
	visit(tree, 'element', (node: Element) => {
		if (node.tagName === 'img' && typeof node.properties.src === 'string' && isSiteImage(node.properties.src)) sitePicture = true;
	});
};
const renderer = await markdownProcessorWith(leaveSitePictures).createRenderer(markdownShared);

const queue: { place: number; file: string; bodyStart: number }[] = [];
let done = 0;
let sent = 0;
let running = false;

async function render(file: string, bodyStart: number): Promise<RenderedBody | null> {
	const path = resolve(root, file);
	const content = readFileSync(path, 'utf8').slice(bodyStart);
	sitePicture = false;
	try {
		const { code } = await renderer.render(content, { fileURL: pathToFileURL(path) });
		return sitePicture ? null : { html: code, empty: !content.trim() };
	} catch {
		return null; // the page reports the failure, naming its file
	}
}

async function work() {
	running = true;
	for (; done < queue.length; done++) {
		const next = queue[done]!;
		queue[done] = undefined!; // its place is all that is left of it
		// At most `window` bodies waiting for their pages: an archive of 100,000 is not held whole.
		// Each stop is reported (with the bodies handed so far), for whoever waits for the thread to be idle.
		let reported = -1;
		while (sent - Atomics.load(taken, 0) >= window) {
			if (reported !== queue.length) parentPort!.postMessage({ received: (reported = queue.length), blocked: true });
			await new Promise((wake) => setTimeout(wake, 20));
		}
		if (Atomics.compareExchange(claims, next.place, CLAIM.free, CLAIM.thread) !== CLAIM.free) continue;
		parentPort!.postMessage({ place: next.place, body: await render(next.file, next.bodyStart) });
		sent++;
	}
	running = false;
	parentPort!.postMessage({ received: queue.length, blocked: false });
}

parentPort!.on('message', (job: { place: number; file: string; bodyStart: number }) => {
	queue.push(job);
	if (!running) void work();
});
