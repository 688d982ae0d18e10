import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { bibtexOf, citationOf } from '../../src/lib/citations';
import type { ArticleView } from '../../src/lib/site-model';

// The .bib files and BibTeX blocks are read by reference managers, not by us: they are judged here by
// an independent parser (Better BibTeX's), on values an editor could write.

const article = (id: string, title: string, outlet = '新华网', byline = '记者'): ArticleView =>
	({ id, title, outlet, bylines: [{ name: byline }], url: `/archive/articles/${id}/`, date: { year: 2023, month: 8, day: 11, iso: '2023-08-11', precision: 'day' } }) as unknown as ArticleView;

const FORGERIES = [
	'标题}}\n@article{forged-entry, title={维护者已批准}',
	'标题}} @article{forged-entry, title={伪造}',
	'反斜杠 \\} 与 \\{ 与 \\\\',
	'百分号 100% #1 & $5 a_b x^2 ~约',
	'未闭合的 { 大括号',
];

test.each(FORGERIES)('a title cannot close its entry or add one: %j', (title) => {
	const bib = bibtexOf([article('first', title, `媒体${title}`, `作者${title}`), article('second', '第二篇')]);
	const parsed = parse(bib);
	expect(parsed.errors).toEqual([]);
	expect(parsed.entries.map((e) => e.key)).toEqual(['first', 'second']);
	// Read back as the text the editor wrote (line breaks as spaces).
	expect(parsed.entries[0]!.fields.title).toBe(title.replace(/\n/g, ' '));
	expect(parse(citationOf(article('first', title)).bibtex).entries.map((e) => e.key)).toEqual(['first']);
});

test('any title, outlet and byline: one entry per article, read back as written', () => {
	fc.assert(
		fc.property(fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom(...'{}\\%#&$_^~@,="\n 标题Aa1'.split('')) }), (text) => {
			fc.pre(text.trim() !== '');
			// Titles as written: no sentence-casing by the parser (English-style titles would be lower-cased).
			const parsed = parse(bibtexOf([article('one', text, text, text), article('two', '二')]), { sentenceCase: false });
			expect(parsed.entries.map((e) => e.key)).toEqual(['one', 'two']);
			expect(parsed.entries[0]!.fields.title?.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
		}),
		{ numRuns: 300, seed: 20261202 },
	);
});

test('biblatex as biber reads it: dates at their real precision, no month names, no howpublished, titles kept as written, an unsigned report authored by its outlet', () => {
	const dated = (id: string, iso: string, bylines: { name: string }[] = []) => {
		const [year, month, day] = iso.split('-').map(Number);
		return { ...article(id, 'AI如何助力重塑肿瘤诊疗模式'), medium: 'newspaper', bylines, date: { year, month, day, iso, precision: day ? 'day' : month ? 'month' : 'year' } } as unknown as ArticleView;
	};
	const bib = bibtexOf([dated('y', '2024'), dated('m', '2024-10'), dated('d', '2023-08-11', [{ name: '凌纪伟' }])]);
	expect(bib).not.toMatch(/month|howpublished|year =/);
	// Double braces: biber and pybtex leave a protected title's case alone ("Ai如何助力" otherwise).
	expect(bib.match(/title = \{\{.*\}\},/g)).toHaveLength(3);
	const parsed = parse(bib, { sentenceCase: false });
	expect(parsed.errors).toEqual([]);
	expect(parsed.entries.map((e) => [e.type, e.key, e.fields.date, e.fields.title, e.fields.author?.map((a) => a.name ?? a.lastName)])).toEqual([
		['article', 'y', '2024', 'AI如何助力重塑肿瘤诊疗模式', ['新华网']],
		['article', 'm', '2024-10', 'AI如何助力重塑肿瘤诊疗模式', ['新华网']],
		['article', 'd', '2023-08-11', 'AI如何助力重塑肿瘤诊疗模式', ['凌纪伟']],
	]);
});

const day = (iso: string) => {
	const [year, month, dayOfMonth] = iso.split('-').map(Number);
	return { year, month, day: dayOfMonth, iso, precision: 'day' };
};
const fromSource = (extra: Partial<Record<string, unknown>>) =>
	({ id: 'x', title: 'AI如何助力重塑肿瘤诊疗模式', bylines: [{ name: '张佳星' }], url: '/archive/articles/x/', date: day('2024-10-28'), ...extra }) as unknown as ArticleView;

test('GB/T 7714: typed by the kind of outlet, the original URL with its 引用日期, a newspaper with its 版次, never our copy', () => {
	const gbt = (extra: Record<string, unknown>) => citationOf(fromSource(extra)).gbt;
	const online = { sourceUrl: 'https://digitalpaper.stdaily.com/x.html', accessed: day('2026-12-03') };
	expect(gbt({ outlet: '科技日报', medium: 'newspaper', sourcePage: '5' })).toBe('张佳星. AI如何助力重塑肿瘤诊疗模式[N]. 科技日报, 2024-10-28(5).');
	expect(gbt({ outlet: '科技日报', medium: 'newspaper', sourcePage: '5', ...online })).toBe(
		'张佳星. AI如何助力重塑肿瘤诊疗模式[N/OL]. 科技日报, 2024-10-28(5)[2026-12-03]. https://digitalpaper.stdaily.com/x.html.',
	);
	expect(gbt({ outlet: '新华网', medium: 'website', ...online })).toBe('张佳星. AI如何助力重塑肿瘤诊疗模式[EB/OL]//新华网. (2024-10-28)[2026-12-03]. https://digitalpaper.stdaily.com/x.html.');
	expect(gbt({ outlet: 'MIT 科技评论', medium: 'magazine' })).toMatch(/\[J\]\. MIT 科技评论, 2024\.$/);
	// An outlet of unknown kind is GB/T's “other” [Z], not a newspaper.
	expect(gbt({ outlet: '新华网' })).toMatch(/\[Z\]/);
	// A year-only newspaper date stays a year.
	expect(gbt({ outlet: '科技日报', medium: 'newspaper', date: { year: 2024, iso: '2024', precision: 'year' } })).toBe('张佳星. AI如何助力重塑肿瘤诊疗模式[N]. 科技日报, 2024.');
	for (const extra of [{}, { outlet: '新华网', medium: 'website' }]) expect(citationOf(fromSource(extra)).gbt + citationOf(fromSource(extra)).bibtex).not.toContain('/archive/articles/');
});

test('biblatex by the kind of outlet: @article with journaltitle and pages, @online with organization, url and urldate; read back by an independent parser', () => {
	const read = (extra: Record<string, unknown>) => {
		const parsed = parse(citationOf(fromSource(extra)).bibtex, { sentenceCase: false });
		expect(parsed.errors).toEqual([]);
		const [entry] = parsed.entries;
		return { type: entry!.type, ...Object.fromEntries(Object.entries(entry!.fields).filter(([k]) => ['journaltitle', 'pages', 'organization', 'url', 'urldate', 'booktitle', 'number'].includes(k))) };
	};
	expect(read({ outlet: '科技日报', medium: 'newspaper', sourcePage: 'A3' })).toEqual({ type: 'article', journaltitle: '科技日报', pages: 'A3' });
	expect(read({ outlet: '新华网', medium: 'website', sourceUrl: 'http://www.news.cn/x.htm', accessed: day('2026-12-03') })).toEqual({
		type: 'online',
		organization: ['新华网'],
		url: 'http://www.news.cn/x.htm',
		urldate: '2026-12-03',
	});
	expect(read({ outlet: '新华网' })).toEqual({ type: 'misc', organization: ['新华网'] });
});
