import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { readPage, type PageFacts } from '../../src/search/read-page';

// readPage finds its two attributes by walking the tree. Ground truth: the same reading with CSS
// selectors (hast-util-select), as Pagefind's own `[data-pagefind-body]` and `[data-pagefind-ignore]` mean them.
function bySelectors(html: string): string | null {
	const body = select('[data-pagefind-body]', unified().use(rehypeParse).parse(html)) as Element | undefined;
	if (!body) return null;
	for (const ignored of selectAll('[data-pagefind-ignore]', body)) ignored.children = [];
	return toText(body);
}

const facts: PageFacts = { url: '/p/', title: '标题', kind: '文章', ownNames: false, names: [], filters: {} };
const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`;

const cases: Record<string, string> = {
	'no searchable part': page('<header data-entry="x"><p>导航</p></header><main><p>无</p></main>'),
	'the body deep inside, after other data attributes': page('<header data-pagefind-filter="kind"><nav><a href="/">首页</a></nav></header><div><section data-entry="article"><article data-pagefind-body><h1>大会</h1><p>第一段</p><ul><li>一</li><li>二</li></ul></article></section></div>'),
	'the first of two bodies': page('<div data-pagefind-body=""><p>第一处</p></div><div data-pagefind-body="true"><p>第二处</p></div>'),
	'an ignored part before the body, and one inside it': page('<div data-pagefind-ignore><p>外</p></div><main><article data-pagefind-body><p>正文<span data-pagefind-ignore>订阅</span>继续</p></article></main>'),
	'a body inside an ignored element': page('<div data-pagefind-ignore><nav>导航</nav><article data-pagefind-body><p>正文</p></article></div>'),
	'ignored parts nested in ignored parts, and in tables': page('<article data-pagefind-body><p data-pagefind-ignore>外<span data-pagefind-ignore>内</span></p><table><tr><td>格</td><td data-pagefind-ignore="all">略</td></tr></table><p>尾</p></article>'),
	'a body that is itself ignored': page('<article data-pagefind-body data-pagefind-ignore><p>全部略去</p></article>'),
	'block and line structure': page('<article data-pagefind-body><h2>标题</h2><p>一行<br>二行</p><blockquote><p>引文</p></blockquote><pre>代码\n  缩进</pre></article>'),
};

for (const [name, html] of Object.entries(cases)) {
	test(`reads as the selectors do: ${name}`, () => {
		const read = readPage(facts, html);
		expect(read === null ? null : read.body).toBe(bySelectors(html));
		if (read) expect(read).toMatchObject(facts);
	});
}

test('the text kept is the body’s, without what is marked ignored', () => {
	expect(readPage(facts, cases['an ignored part before the body, and one inside it']!)!.body).toBe('正文继续');
	expect(readPage(facts, cases['no searchable part']!)).toBeNull();
});
