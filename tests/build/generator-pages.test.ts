import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, test } from 'vitest';
import { fixtureSite } from '../support/sites';

// What the generator makes of known content: the `proceedings` fixture site (tests/fixtures/).
const { page } = fixtureSite('proceedings');

describe('pages of the proceedings fixture', () => {
	test('Chinese headings in article bodies get ids (rehype-slug, prefixed as every body id is) that links can target', () => {
		const body = select('[data-article-body]', page('/articles/ai-reshapes-tumour-care/'))!;
		expect(selectAll('h2', body).map((h) => h.properties.id)).toEqual(['user-content-帮助肿瘤早期筛查', 'user-content-提高癌症认知水平', 'user-content-发挥数据养料作用']);
	});
	test('foreign names are marked with their language', () => {
		expect(selectAll('[lang="en"]', page('/speakers/')).map((n) => toText(n))).toEqual(expect.arrayContaining(['Hugo Aerts', 'Ziad Obermeyer', 'Bernadett Gaal']));
	});
	test('remote images carry no referrer', () => {
		const imgs = selectAll('img', page('/articles/ai-for-science-summit-2023-observation/'));
		expect(imgs.length).toBe(3);
		for (const img of imgs) expect(img.properties.referrerPolicy).toBe('no-referrer');
	});
	test('the 404 page: not indexed, and canonical to no address (it is served at any missing one)', () => {
		expect(toText(select('h1', page('/404.html'))!)).toBe('页面不存在');
		expect(select('meta[name="robots"]', page('/404.html'))?.properties.content).toBe('noindex');
		expect(select('link[rel="canonical"], meta[property="og:url"]', page('/404.html'))).toBeUndefined();
	});
	test('a list of articles right under the page heading has h2 titles, not h3 (no skipped level)', () => {
		const levels = selectAll('.card-title', page('/articles/')).map((h) => h.tagName);
		expect(levels.length).toBeGreaterThan(0);
		expect(new Set(levels)).toEqual(new Set(['h2']));
	});
});

describe('organisation pages', () => {
	test('an organisation lists the events it took part in, by tier, and the people who held a role there', () => {
		const tree = page('/organizations/beijing-aisi/');
		expect(toText(select('h1', tree)!)).toBe('北京科学智能研究院');
		const tiers = selectAll('section[aria-labelledby^="tier-"]', tree).map((s) => [toText(select('h3', s)!), selectAll('.card-title a', s).map((a) => String(a.properties.href))]);
		expect(tiers).toEqual([['作为主办', ['/events/ai-for-science-summit-2023/']]]);
		const people = selectAll('section[aria-labelledby="org-people"] .speaker-name', tree).map((a) => String(a.properties.href));
		expect(people).toContain('/speakers/e-weinan/');
	});
	test('event pages link their organisers', () => {
		const links = selectAll('.meta a[href^="/organizations/"]', page('/events/cell-science-beijing-2022/')).map((a) => toText(a));
		expect(links).toEqual(['北京市科委', '中关村管委会', '细胞出版社']);
	});
	test('the index lists every organisation, with how many events and people', () => {
		const items = selectAll('.org-list li', page('/organizations/')).map((li) => toText(li));
		expect(items).toEqual(expect.arrayContaining([expect.stringMatching(/^北京科学智能研究院 1 场活动 · \d+ 位嘉宾$/)]));
	});
});
