import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { build, copyProject } from '../support/fixture-site';

// Attacks an article body or front matter might carry, pasted from the web or typed on purpose.
const ATTACKS = [
	'<script>alert(1)</script>',
	'<img src="https://img.example/x.png" onerror="alert(2)">',
	'<a href="javascript:alert(3)">链接一</a>',
	'<a href="JaVaScRiPt:alert(4)">链接二</a>',
	'[链接三](javascript:alert(5))',
	'<iframe src="https://evil.example/"></iframe>',
	'<style>body{display:none}</style>',
	'<svg onload="alert(6)"><circle r="1"/></svg>',
	'<p style="position:fixed;top:0" onclick="alert(7)">点我</p>',
	'<object data="evil.swf"></object><embed src="evil.swf">',
	'<form action="https://evil.example/"><input name="q"></form>',
	'<math><mi xlink:href="javascript:alert(8)">x</mi></math>',
	'<div><scr<script>ipt>alert(9)</script></div>',
	// Clobbering: an id the page's own copy button reads, a name that shadows a DOM method its script calls.
	'<pre id="cite-bibtex">@misc{forged, title={伪造}}</pre>',
	'<img name="querySelectorAll" src="https://img.example/y.png"><form name="getElementById"></form>',
];
const SAFE = '<sub>下标</sub> <kbd>Ctrl</kbd> <details><summary>摘要</summary>展开的内容</details>';
const TITLE = '标题"><script>alert(10)</script>';

const dir = copyProject();
let page: Root;
let body: Element;
beforeAll(() => {
	writeFileSync(
		join(dir, 'content/articles/xss-fixture.md'),
		`---\ntitle: '${TITLE}'\nsubtitle: '</title><script>alert(11)</script>'\nkind: news\nsource: { outlet: '<b>媒体</b>' }\nseed: 000_5666fa2ae40db493.txt\n---\n\n正文开始。\n\n${ATTACKS.join('\n\n')}\n\n${SAFE}\n\n正文结束。\n`,
	);
	const result = build(dir);
	if (result.status !== 0) throw new Error(result.output);
	page = unified().use(rehypeParse).parse(readFileSync(join(dir, 'dist/articles/xss-fixture/index.html'), 'utf8'));
	body = select('[data-article-body]', page)!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('no script, style, frame, object, form or SVG reaches the page', () => {
	// The page's own scripts are exactly those of any article: its JSON-LD (with the hostile title
	// escaped inside it) and the citation copy button, the same text as on a clean article page.
	const clean = unified().use(rehypeParse).parse(readFileSync(join(dir, 'dist/articles/ai-for-science-summit-2023-observation/index.html'), 'utf8'));
	const scripts = (tree: Root) => selectAll('script', tree).map((s) => String(s.properties.type));
	expect(scripts(page)).toEqual(scripts(clean));
	const moduleText = (tree: Root) => toText(select('script[type=module]', tree)!);
	expect(moduleText(page)).toBe(moduleText(clean));
	const jsonLd = toText(select('script[type="application/ld+json"]', page)!);
	expect(jsonLd).not.toContain('<');
	expect(JSON.parse(jsonLd).headline).toBe(TITLE);
	expect(selectAll('style, iframe, object, embed, svg, math', page)).toEqual([]);
	// The only form is the site's own search box; in the body, GitHub's schema keeps only disabled checkboxes (task lists).
	expect(selectAll('form', body)).toEqual([]);
	expect(selectAll('input', body).map((i) => [i.properties.type, i.properties.disabled])).toEqual([['checkbox', true]]);
});

test('no event-handler attribute, inline style or javascript: URL survives', () => {
	const bad: string[] = [];
	visit(page, 'element', (node: Element) => {
		for (const [key, value] of Object.entries(node.properties)) {
			if (/^on/i.test(key)) bad.push(`${node.tagName}.${key}`);
			if (key === 'style' && node.tagName !== 'html') bad.push(`${node.tagName}.style`);
			if (/^\s*javascript:/i.test(String(value))) bad.push(`${node.tagName}.${key}=${String(value)}`);
		}
	});
	expect(bad).toEqual([]);
});

test('no id or name in the body can take one the page uses: all are prefixed, the citation block is the page’s own', () => {
	const unprefixed: string[] = [];
	visit(body, 'element', (node: Element) => {
		for (const key of ['id', 'name'] as const) {
			const value = node.properties[key];
			if (value !== undefined && !String(value).startsWith('user-content-')) unprefixed.push(`${node.tagName}[${key}=${String(value)}]`);
		}
	});
	expect(unprefixed).toEqual([]);
	const citation = selectAll('[id="cite-bibtex"]', page);
	expect(citation).toHaveLength(1);
	expect(toText(citation[0]!)).toMatch(/^@\w+\{xssfixture,/);
	expect(selectAll('[name="querySelectorAll"], [name="getElementById"]', page)).toEqual([]);
});

test('front matter strings are text, not markup, in the title, headings and meta tags', () => {
	expect(toText(select('h1', page)!)).toBe(TITLE);
	expect(toText(select('title', page)!)).toBe(`${TITLE} · 会记`);
	expect(String(select('meta[name="description"]', page)!.properties.content)).toBe('——</title><script>alert(11)</script>'.slice(2));
	expect(toText(select('.kicker', page)!)).toContain('<b>媒体</b>');
});

test('the safe subset of HTML and the surrounding text are kept', () => {
	expect(selectAll('sub, kbd, details, summary', body).map((n) => toText(n))).toEqual(['下标', 'Ctrl', '摘要展开的内容', '摘要']);
	const text = toText(body);
	expect(text).toContain('正文开始。');
	expect(text).toContain('正文结束。');
	expect(text).toContain('链接一');
	expect(selectAll('a', body).map((a) => a.properties.href ?? null)).toEqual([null, null, null]);
});
