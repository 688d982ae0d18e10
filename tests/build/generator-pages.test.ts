import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRecords } from '../support/content';
import { fixtureSite } from '../support/sites';

// What the generator makes of known content: the `proceedings` fixture site (tests/fixtures/).
const { page, fileFor } = fixtureSite('proceedings');

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

describe('the article list, a page at a time', () => {
	// The fixture sets articlesPerPage: 3, so that its articles fill several pages of one year.
	const { settings, articles } = loadRecords();
	const perPage = settings.articlesPerPage;
	const published = articles.filter((a) => !a.draft);
	const dateOf = new Map(published.map((a) => [`/articles/${a.id}/`, a.date?.iso ?? '']));
	const listedOn = (path: string) => selectAll('.card-title a', page(path)).map((a) => String(a.properties.href));
	const yearLinks = (path: string) => selectAll('nav.year-nav a', page(path)).map((a) => [toText(a), String(a.properties.href)] as const);
	/** A year's pages, from its first by the pager's "older" links. */
	const pagesOfYear = (first: string) => {
		const pages = [first];
		for (let next; (next = select('nav.pager a[rel="next"]', page(pages.at(-1)!))); ) pages.push(String(next.properties.href));
		return pages;
	};
	const years = yearLinks('/articles/');
	const yearPages = years.map(([, url]) => pagesOfYear(url));

	test('every published article is on exactly one page of its year, newest first, no page holding more than the setting', () => {
		expect(years.length).toBeGreaterThan(1);
		expect(yearPages.some((pages) => pages.length > 1)).toBe(true);
		const seen = yearPages.flat().flatMap(listedOn);
		expect([...seen].sort()).toEqual(published.map((a) => `/articles/${a.id}/`).sort());
		for (const [i, pages] of yearPages.entries()) {
			const [label] = years[i]!;
			for (const path of pages) {
				const listed = listedOn(path);
				expect(listed.length).toBeGreaterThan(0);
				expect(listed.length).toBeLessThanOrEqual(perPage);
				const dates = listed.map((url) => dateOf.get(url)!);
				expect(dates).toEqual([...dates].sort().reverse());
				// A year's label is its number (2024年), or says the date is unknown.
				for (const date of dates) expect(date ? label.startsWith(date.slice(0, 4)) : !/^\d{4}/.test(label)).toBe(true);
			}
		}
	});

	test('the list’s own page shows the newest articles and every year with its count; a year’s pages say which page they are', () => {
		const inOrder = yearPages.flat().flatMap(listedOn);
		expect(listedOn('/articles/')).toEqual(inOrder.slice(0, perPage));
		const counts = selectAll('nav.year-nav li', page('/articles/')).map((li) => Number(/(\d+) 篇/.exec(toText(li))![1]));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(published.length);
		const long = yearPages.find((pages) => pages.length > 1)!;
		for (const [i, path] of long.entries()) {
			expect(toText(select('h1', page(path))!)).toContain(`第 ${i + 1} 页，共 ${long.length} 页`);
			expect(String(select('nav.pager a[rel="prev"]', page(path))?.properties.href ?? '')).toBe(i > 0 ? long[i - 1] : '');
			expect(select('nav.year-nav a[aria-current="page"]', page(path))).toBeDefined();
		}
		// The year pages' titles differ, so that a reader can tell the tabs apart.
		const titles = yearPages.flat().map((path) => toText(select('title', page(path))!));
		expect(new Set(titles).size).toBe(titles.length);
	});

	test('the site feed lists the newest articles, as many as feedSize, newest first', () => {
		const items = [...readFileSync(fileFor('/rss.xml')!, 'utf8').matchAll(/<item><title>[^<]*<\/title><link>([^<]*)<\/link>/g)].map((m) => new URL(m[1]!).pathname);
		expect(published.length).toBeGreaterThan(settings.feedSize);
		expect(items).toEqual(yearPages.flat().flatMap(listedOn).slice(0, settings.feedSize));
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
