import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadRecords } from '../support/content';
import { builtPages, dist, page, requireBuild } from '../support/dist';

beforeAll(requireBuild);
const records = loadRecords();

describe('every content entry produced its page', () => {
	test.each([
		['events', records.events],
		['speakers', records.speakers],
		['articles', records.articles.filter((a) => !a.draft)],
		['topics', records.topics],
		['series', records.series],
	] as const)('%s', (folder, entries) => {
		expect(entries.length).toBeGreaterThan(0);
		const built = builtPages().filter((p) => new RegExp(`^/${folder}/[^/]+/$`).test(p));
		expect(built.sort()).toEqual(entries.map((e) => `/${folder}/${e.id}/`).sort());
		for (const e of entries) {
			const h1 = select('h1', page(`/${folder}/${e.id}/`));
			const name = 'title' in e ? e.title : e.name;
			expect(toText(h1!)).toContain(name);
		}
	});

	test('the launch content covers the forum events and their people', () => {
		expect(records.events.map((e) => e.id)).toEqual(
			expect.arrayContaining(['cell-science-beijing-2022', 'ai-for-science-summit-2022', 'ai-for-science-summit-2023']),
		);
		expect(records.speakers.length).toBeGreaterThanOrEqual(25);
	});
});

describe('links', () => {
	// Every internal link and anchor on every page: `npm run check:site` (tests/site-check/links.ts).
	test('the site has its pages', () => expect(builtPages().length).toBeGreaterThan(60));

	test('Chinese headings in article bodies get ids (rehype-slug) that links can target', () => {
		const body = select('[data-article-body]', page('/articles/ai-reshapes-tumour-care/'))!;
		expect(selectAll('h2', body).map((h) => h.properties.id)).toEqual(['帮助肿瘤早期筛查', '提高癌症认知水平', '发挥数据养料作用']);
	});
});

describe('site files', () => {
	test('sitemap-index.xml lists every page under the configured site URL', () => {
		const site = process.env.SITE_URL ?? 'http://localhost:4321';
		const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
		expect(index).toContain(`<loc>${site}/sitemap-0.xml</loc>`);
		const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
		for (const id of records.articles.map((a) => a.id)) expect(sitemap).toContain(`${site}/articles/${id}/`);
	});
	test('pages are zh-CN; JavaScript only for search and the citation copy buttons (one module each)', () => {
		for (const p of builtPages()) {
			const tree = page(p);
			expect(select('html', tree)!.properties.lang).toBe('zh-CN');
			const code = selectAll('script', tree).filter((s) => s.properties.type !== 'application/ld+json');
			expect(code.length, p).toBe(p === '/search/' || /^\/articles\/[^/]+\/$/.test(p) ? 1 : 0);
		}
	});
	test('every page has a search form that works without JavaScript (GET /search/?q=)', () => {
		for (const p of builtPages()) {
			const form = select('form[role="search"]', page(p))!;
			expect([form.properties.action, form.properties.method, select('input', form)!.properties.name]).toEqual(['/search/', 'get', 'q']);
		}
	});
	test('foreign names are marked with their language', () => {
		const tree = page('/speakers/');
		expect(selectAll('[lang="en"]', tree).map((n) => toText(n))).toEqual(
			expect.arrayContaining(['Hugo Aerts', 'Ziad Obermeyer', 'Bernadett Gaal']),
		);
	});
	test('remote images carry no referrer', () => {
		const imgs = selectAll('img', page('/articles/ai-for-science-summit-2023-observation/'));
		expect(imgs.length).toBe(3);
		for (const img of imgs) expect(img.properties.referrerPolicy).toBe('no-referrer');
	});
	test('the 404 page exists', () => {
		expect(toText(select('h1', page('/404.html'))!)).toBe('页面不存在');
	});
});
