import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildEnv, SITES } from '../support/sites';

// `npm run dev` is how an editor previews an edit. The pages take their records from the content
// pass, not from Astro's store (src/collections/loader.ts): an edit under content/ must still reach
// the entry's page and the lists at once, and a broken edit must be reported, located, in Chinese.
const project = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'huiji-dev-'));
const content = join(work, 'site');
const EVENT = join(content, 'content/events/lakeside-forum-2022.md');
let dev: ChildProcess;
let log = '';
let origin = '';

const freePort = () =>
	new Promise<number>((resolve) => {
		const server = createServer().listen(0, () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});

/** The build's environment, less Vitest's own marks: with VITEST and NODE_ENV=test set, Astro's dev server answers every page "Cannot GET" (tried). */
const devEnv = () => Object.fromEntries(Object.entries(buildEnv()).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(key)));

/** The page's text once it satisfies `ready`, asking again for up to 30 s (the dev server reloads content shortly after an edit). */
async function pageWhen(path: string, ready: (html: string) => boolean): Promise<string> {
	let html = '';
	for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 300))) {
		html = await fetch(origin + path).then((r) => r.text(), () => '');
		if (ready(html)) return html;
	}
	return html;
}

beforeAll(async () => {
	cpSync(SITES.second.root, content, { recursive: true });
	const port = await freePort();
	const base = new URL(SITES.second.url).pathname;
	origin = `http://localhost:${port}${base.replace(/\/$/, '')}`;
	dev = spawn(join(project, 'node_modules/.bin/astro'), ['dev', '--port', String(port)], {
		cwd: project,
		env: { ...devEnv(), FORCE_COLOR: '0', HUIJI_CONTENT_ROOT: content, HUIJI_CACHE_DIR: join(work, 'cache'), SITE_URL: SITES.second.url },
	});
	for (const stream of [dev.stdout!, dev.stderr!]) stream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
	const first = await pageWhen('/events/lakeside-forum-2022/', (html) => html.includes('第四届湖畔论坛'));
	expect(first, log).toContain('第四届湖畔论坛');
}, 120_000);
afterAll(() => {
	dev?.kill();
	rmSync(work, { recursive: true, force: true });
});

test('an edit in astro dev reaches the entry’s page and the list at once', async () => {
	writeFileSync(EVENT, readFileSync(EVENT, 'utf8').replace(/^name: .*$/m, 'name: 第四届湖畔论坛（改期）'));
	expect(await pageWhen('/events/lakeside-forum-2022/', (html) => html.includes('第四届湖畔论坛（改期）')), log).toContain('第四届湖畔论坛（改期）');
	expect(await pageWhen('/events/', (html) => html.includes('第四届湖畔论坛（改期）')), log).toContain('第四届湖畔论坛（改期）');
});

test('a broken edit in astro dev is logged with its file, line and fix in Chinese, and the entry leaves the preview', async () => {
	writeFileSync(EVENT, readFileSync(EVENT, 'utf8').replace(/^start: .*$/m, 'start: 2022-02-30'));
	const gone = await pageWhen('/events/', (html) => html.length > 0 && !html.includes('第四届湖畔论坛'));
	expect(gone, log).not.toContain('第四届湖畔论坛');
	expect(log).toMatch(/content\/events\/lakeside-forum-2022\.md:7(:\d+)?\s+错误/);
});
