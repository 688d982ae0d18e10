import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { build, copyProject } from '../support/fixture-site';

// A fixture site: the real project plus one article that uses every Markdown feature editors may need.
const dir = copyProject();
let body: Root;
beforeAll(() => {
	writeFileSync(
		join(dir, 'content/articles/markdown-fixture.md'),
		`---
title: 排版示例
kind: news
source: { outlet: 科技日报 }
seed: 000_5666fa2ae40db493.txt
---

## 会议议程

| 时间 | 议题 |
| --- | --- |
| 上午 | 开幕式 |

中关村论坛创办于2007年[^1]，~~旧说法~~。

## 会议议程

### AI for Science：共创新未来

[^1]: 见《中关村论坛简介》。
`,
	);
	const { status, output } = build(dir);
	if (status !== 0) throw new Error(output);
	const html = readFileSync(join(dir, 'dist/articles/markdown-fixture/index.html'), 'utf8');
	body = select('[data-article-body]', unified().use(rehypeParse).parse(html)) as unknown as Root;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('GFM tables render as tables', () => {
	expect(selectAll('table th', body).map((th) => toText(th))).toEqual(['时间', '议题']);
	expect(selectAll('table td', body).map((td) => toText(td))).toEqual(['上午', '开幕式']);
});

test('GFM footnotes link to their note and back', () => {
	const ref = select('sup a[data-footnote-ref]', body)!;
	const noteId = String(ref.properties.href).slice(1);
	const note = select(`[id="${noteId}"]`, body)!;
	expect(toText(note)).toContain('见《中关村论坛简介》。');
	expect(select('a[data-footnote-backref]', note)).toBeTruthy();
	expect(selectAll('del', body).map((d) => toText(d))).toEqual(['旧说法']);
});

test('headings get ids, Chinese ones included, and repeated headings get distinct ids', () => {
	expect(selectAll('h2, h3', body).map((h) => h.properties.id)).toEqual(
		expect.arrayContaining(['user-content-会议议程', 'user-content-会议议程-1', 'user-content-ai-for-science共创新未来']),
	);
});
