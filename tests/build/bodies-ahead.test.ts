import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { filesUnder } from '../../src/lib/file-signature';
import { FRONTMATTER } from '../../src/validate/source';
import { buildSite, SITES } from '../support/sites';

// Article and event bodies are rendered ahead on a thread of their own when validation reads them
// (src/markdown/bodies-ahead.ts). A page must be the same whoever rendered its body: a cold build
// hands every body read to the thread, and a forced rebuild (every page rendered again, no file read
// afresh) has the pages render every body themselves; so does a rebuild after one edit.
const work = mkdtempSync(join(tmpdir(), 'huiji-bodies-'));
const content = join(work, 'site');
const bodyPages = () => new Map(['articles', 'events'].flatMap((kind) => filesUnder(join(work, 'dist', kind)).map((f) => [`${kind}/${f}`, readFileSync(join(work, 'dist', kind, f), 'utf8')] as const)));
/** The text of every article and event body that has any. */
const bodies = () =>
	['articles', 'events'].flatMap((kind) => readdirSync(join(content, 'content', kind)).map((f) => readFileSync(join(content, 'content', kind, f), 'utf8').replace(FRONTMATTER, ''))).filter((body) => body.trim());

let cold: { output: string; pages: Map<string, string> };
let forced: { output: string; pages: Map<string, string> };
// Markdown of every kind a body may hold, added to an article without pictures: the thread renders it.
const RICH = `
## 会议议程

| 时间 | 议题 |
| --- | --- |
| 上午 | 开幕式 |

论坛创办于2018年[^1]，~~旧说法~~，<span onclick="alert(1)">原文</span><script>alert(2)</script>。

## 会议议程

见[第五届](/events/lakeside-forum-2023/)与[湖畔大学](https://example.org/)。

![会场](https://example.org/hall.jpg)

[^1]: 见《湖畔论坛简介》。
`;

beforeAll(() => {
	cpSync(SITES.second.root, content, { recursive: true });
	const news = join(content, 'content/articles/lakeside-forum-2022-news.md');
	appendFileSync(news, RICH);
	// More articles than the few a build leaves to their pages (FEW_BODIES): the thread is started.
	for (let i = 1; i <= 60; i++) writeFileSync(join(content, `content/articles/lakeside-note-${i}.md`), readFileSync(news, 'utf8').replace(/^title: .*$/m, `title: 湖畔论坛札记之${i}`));
	const first = buildSite(content, work, SITES.second.url);
	expect(first.status, first.output).toBe(0);
	cold = { output: first.output, pages: bodyPages() };
	const again = buildSite(content, work, SITES.second.url, '--force');
	expect(again.status, again.output).toBe(0);
	forced = { output: again.output, pages: bodyPages() };
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a cold build renders every body ahead but those showing an image of the site, which their pages make pictures of', () => {
	const all = bodies();
	const withPictures = all.filter((text) => /!\[[^\]]*\]\(\/images\//.test(text)).length;
	expect(withPictures).toBeGreaterThan(0);
	expect(cold.output).toContain(`正文：另一线程预先渲染 ${all.length - withPictures} 篇，页面自行渲染 ${withPictures} 篇。`);
	expect([...cold.pages.values()].some((html) => html.includes('<picture>'))).toBe(true);
});

test('every article and event page is byte for byte the same whether its body was rendered ahead or by the page', () => {
	expect(forced.output).not.toContain('正文：另一线程');
	expect(forced.pages.size).toBeGreaterThan(0);
	expect([...forced.pages.keys()].sort()).toEqual([...cold.pages.keys()].sort());
	for (const [page, html] of forced.pages) expect(html, page).toBe(cold.pages.get(page));
	const rich = cold.pages.get('articles/lakeside-forum-2022-news/index.html')!;
	for (const part of ['<table>', 'data-footnote-ref', '<del>旧说法</del>', 'href="/conf-archive/events/lakeside-forum-2023/"']) expect(rich).toContain(part);
	expect(rich).not.toContain('alert(');
});

test('a rebuild after one edit leaves its body to its page, and publishes the edit', () => {
	const file = join(content, 'content/articles/lakeside-note-7.md');
	appendFileSync(file, '\n会后主办方公布了下一届的举办地点。\n');
	const edited = buildSite(content, work, SITES.second.url);
	expect(edited.status, edited.output).toBe(0);
	expect(edited.output).not.toContain('正文：另一线程');
	expect(readFileSync(join(work, 'dist/articles/lakeside-note-7/index.html'), 'utf8')).toContain('会后主办方公布了下一届的举办地点。');
}, 300_000);
