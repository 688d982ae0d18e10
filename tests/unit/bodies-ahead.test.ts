import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { startBodiesAhead, takeBodyAhead } from '../../src/markdown/bodies-ahead';
import { markdownProcessorWith, markdownShared } from '../../src/markdown/processor';

// Bodies handed to the thread as the validator would: by file (under the content root) and body start.
const root = mkdtempSync(join(tmpdir(), 'huiji-bodies-ahead-'));
mkdirSync(join(root, 'content/articles'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));
const worker = join(import.meta.dirname, '../../src/markdown/bodies-ahead-worker.ts');
const front = '---\ntitle: 示例\n---\n';
const bodies = [
	'## 会议议程\n\n| 时间 | 议题 |\n| --- | --- |\n| 上午 | 开幕式 |\n\n中关村论坛[^1]，~~旧说法~~，<span onclick="x()">原文</span>。\n\n[^1]: 见简介。\n',
	'见[议程](/events/a/)与[外链](https://example.org/)。\n\n![现场](https://example.org/a.jpg)\n',
	'![会场](/images/hall.jpg)\n\n有本站图片的正文。\n',
	'   \n',
];
const files = bodies.map((body, i) => {
	const file = `content/articles/a-${i}.md`;
	writeFileSync(join(root, file), front + body);
	return file;
});
const onPage = markdownProcessorWith().createRenderer(markdownShared);
const renderedOnPage = async (i: number) => ({ html: (await (await onPage).render(bodies[i]!, { fileURL: pathToFileURL(join(root, files[i]!)) })).code, empty: !bodies[i]!.trim() });

test('a body rendered ahead is the HTML its page would render; one with a picture of the site is left to its page', async () => {
	const thread = startBodiesAhead(root, worker);
	for (const file of files) thread.add(file, front.length);
	await thread.idle();
	expect(await takeBodyAhead(files[0]!, front.length)).toEqual(await renderedOnPage(0));
	expect(await takeBodyAhead(files[1]!, front.length)).toEqual(await renderedOnPage(1));
	expect(await takeBodyAhead(files[3]!, front.length)).toEqual({ html: '', empty: true });
	expect(await takeBodyAhead(files[2]!, front.length)).toBeUndefined();
	// Each body is taken once; one never handed over is its page's.
	expect(await takeBodyAhead(files[0]!, front.length)).toBeUndefined();
	expect(await takeBodyAhead('content/articles/other.md', front.length)).toBeUndefined();
	expect(await thread.stop()).toEqual({ fromThread: 3, byPages: 1 });
	expect(await takeBodyAhead(files[1]!, front.length)).toBeUndefined();
});

test('the thread stays a window ahead of the pages, and passes by what a page rendered first', async () => {
	const many = Array.from({ length: 8 }, (_, i) => {
		const file = `content/articles/w-${i}.md`;
		writeFileSync(join(root, file), `${front}第 ${i} 篇。\n`);
		return file;
	});
	const take = async (i: number) => (await takeBodyAhead(many[i]!, front.length))?.html;
	const thread = startBodiesAhead(root, worker, 3);
	for (const file of many) thread.add(file, front.length);
	await thread.idle();
	// Three rendered, waiting for their pages: the thread has not come to the sixth, which its page renders.
	expect(await take(5)).toBeUndefined();
	for (const i of [0, 1, 2]) expect(await take(i)).toContain(`第 ${i} 篇`);
	// Going on, the thread passes the sixth by.
	for (const i of [3, 4, 6, 7]) {
		await thread.idle();
		expect(await take(i)).toContain(`第 ${i} 篇`);
	}
	expect(await thread.stop()).toEqual({ fromThread: 7, byPages: 1 });
});

test('a thread that cannot start leaves every body to its page, and says why', async () => {
	const thread = startBodiesAhead(root, join(root, 'missing-worker.ts'));
	thread.add(files[0]!, front.length);
	await thread.idle();
	expect(await takeBodyAhead(files[0]!, front.length)).toBeUndefined();
	expect(await thread.stop()).toEqual({ fromThread: 0, byPages: 1, failed: expect.stringContaining('missing-worker') });
});
