import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchableText } from '../../src/search/exact-index';
import { normalise, queryTerms } from '../../src/search/normalise';
import { readBuiltPages } from '../../src/search/read-built-pages';
import { openSite, type Session } from '../support/browser';
import { root } from '../support/dist';
import { searchFacts } from '../support/search-index';
import { fixtureSite } from '../support/sites';

const site = fixtureSite('proceedings');

let s: Session;
beforeAll(async () => {
	mkdirSync(join(root, 'tests', '.output'), { recursive: true });
	s = await openSite(site.dist);
});
afterAll(() => s?.close());

/** Ground truth from the built pages' text, never hand-typed. */
const pages = readBuiltPages(site.dist, searchFacts(site.root));
const containing = (q: string) =>
	pages.filter((p) => queryTerms(q).every((t) => normalise(searchableText(p)).chars.includes(t))).map((p) => p.url).sort();

async function searchFor(query: string) {
	await s.page.goto(`${s.base}/search/?q=${encodeURIComponent(query)}`);
	const results = s.page.locator('#search-results[data-search-state="done"]');
	await results.waitFor();
	const items = s.page.locator('[data-search-result]');
	const all = await items.evaluateAll((els) => els.map((e) => ({ match: e.getAttribute('data-match'), url: new URL(e.querySelector('a')!.href).pathname })));
	return {
		count: Number(await results.getAttribute('data-search-count')),
		exact: all.filter((r) => r.match === 'exact').map((r) => r.url),
		related: all.filter((r) => r.match === 'related').map((r) => r.url),
		people: all.filter((r) => r.match === 'person').map((r) => r.url),
		order: all.map((r) => r.match),
		status: await s.page.locator('#search-status').textContent(),
	};
}

describe('exact matches are every page that contains the query, and only those', () => {
	test.each(['鄂维南', 'E Weinan', 'Weinan E', 'eweinan', 'Hugo Aerts', '雨果•彼得', '维南', '胶质瘤', '模态数据', '平扫CT', 'dpa-1', 'ＤＰＡ－１', '人工智能 医疗', '张林峰'])('%s', async (query) => {
		const r = await searchFor(query);
		const want = containing(query);
		expect(r.count).toBe(want.length);
		expect(r.exact.length).toBe(Math.min(10, want.length));
		expect(r.exact.filter((u) => !want.includes(u))).toEqual([]);
		expect(r.related.filter((u) => want.includes(u))).toEqual([]);
		// Every exact match is listed above every related one.
		expect(r.order.lastIndexOf('exact')).toBeLessThan(r.order.indexOf('related') === -1 ? Infinity : r.order.indexOf('related'));
	});
});

test('a traditional query: the exact matches of its simplified form, the excerpt marking the page’s own characters', async () => {
	const r = await searchFor('醫學影像');
	const want = containing('医学影像');
	expect(want.length).toBeGreaterThan(0);
	expect(r.count).toBe(want.length);
	expect(r.exact.filter((u) => !want.includes(u))).toEqual([]);
	const marked = await s.page.locator('[data-search-result] mark').allTextContents();
	expect(marked.length).toBeGreaterThan(0);
	expect(new Set(marked)).toEqual(new Set(['医学影像']));
});

test('a topic is a result of its own kind: 医学影像 lists /topics/medical-imaging/, and the kind filter offers 专题', async () => {
	const r = await searchFor('医学影像');
	expect(r.exact).toContain('/topics/medical-imaging/');
	await expect.poll(() => s.page.locator('#search-filters').textContent()).toContain('专题');
});

test('a foreign name with any dot or none finds the person first, with no alias listing those forms', async () => {
	for (const name of ['雨果彼得', '雨果・彼得', '雨果‧彼得', '雨果･彼得', '伯纳黛特·盖尔', '齐亚德·波米耶']) {
		const r = await searchFor(name);
		expect(r.exact[0], name).toMatch(/^\/speakers\/(hugo-aerts|bernadett-gaal|ziad-obermeyer)\/$/);
	}
});

test('a speaker’s own page comes first for each form of the name', async () => {
	for (const name of ['鄂维南', 'Weinan E', 'Hugo Aerts', '雨果·彼得']) expect((await searchFor(name)).exact[0], name).toBe(`/speakers/${name.includes('Hugo') || name.includes('雨果') ? 'hugo-aerts' : 'e-weinan'}/`);
});

test('pinyin and initials find people: their own group above the pages that contain the letters, never marked exact', async () => {
	// Ground truth from the name data (the site model's pinyin of each person), not typed.
	const person = pages.find((p) => p.url === '/speakers/dai-qionghai/')!.person!;
	const initials = person.syllables.map((x) => x[0]).join('');
	const r = await searchFor(initials);
	expect(r.people[0]).toBe('/speakers/dai-qionghai/');
	expect(r.count).toBe(containing(initials).length);
	expect(r.status).toBe(`没有页面包含“${initials}”；有 ${r.people.length} 位嘉宾的姓名拼音与之相符。`);
	expect(r.related).toEqual([]);
	await expect(s.page.locator('#person-results').textContent()).resolves.toBe(`姓名拼音相符的嘉宾（${r.people.length} 位）`);
	await expect(s.page.locator('[data-match="person"] [lang="zh-Latn-pinyin"]').first().textContent()).resolves.toBe('Dai Qionghai');

	// Typed in full, in any spacing, case and order: the person's page is the first result, once. Their
	// page shows their pinyin, so it is an exact match, ranked first by their own name; the pages that
	// contain the letters are exactly those.
	for (const q of ['Dai Qionghai', 'qiong hai DAI', 'daiqionghai', 'dai qh']) {
		const full = await searchFor(q);
		expect([...full.people, ...full.exact][0], q).toBe('/speakers/dai-qionghai/');
		expect(full.people.filter((u) => full.exact.includes(u)), q).toEqual([]);
		expect(full.count, q).toBe(containing(q).length);
		expect(full.exact.filter((u) => !containing(q).includes(u)), q).toEqual([]);
		expect(full.order.indexOf('exact') === -1 || full.order.lastIndexOf('person') < full.order.indexOf('exact'), q).toBe(true);
	}
	await s.page.screenshot({ path: join(root, 'tests', '.output', '6-search-pinyin.png'), fullPage: true });
	expect(s.consoleProblems).toEqual([]);
});

test('no exact match: said plainly, related results offered as such', async () => {
	const r = await searchFor('量子纠缠');
	expect(r.count).toBe(0);
	expect(r.exact).toEqual([]);
	expect(r.status).toContain('没有页面包含“量子纠缠”');
	// Both words occur, never together: no page contains the query, Pagefind relates some.
	const split = await searchFor('肿瘤医学');
	expect(containing('肿瘤医学')).toEqual([]);
	expect(split.count).toBe(0);
	// Suggestions, not matches: five at most.
	expect(split.related.length).toBeGreaterThan(0);
	expect(split.related.length).toBeLessThanOrEqual(5);
	expect(split.status).toBe('没有页面包含“肿瘤医学”。以下是相关结果，仅供参考。');
	await expect(s.page.locator('.related-heading').textContent()).resolves.toBe('相关结果');
});

test('several terms never on one page: said so, and pages holding some of them offered as related, terms marked', async () => {
	const r = await searchFor('胶质瘤 量子纠缠');
	expect(r.count).toBe(0);
	expect(r.exact).toEqual([]);
	expect(r.status).toBe('没有页面同时包含“胶质瘤 量子纠缠”中的各个词。以下页面包含其中一部分，仅供参考。');
	const holding = containing('胶质瘤');
	expect(r.related.length).toBe(Math.min(5, holding.length));
	expect(r.related.filter((u) => !holding.includes(u))).toEqual([]);
	const marks = await s.page.locator('[data-match="related"] mark').allTextContents();
	expect(new Set(marks)).toEqual(new Set(['胶质瘤']));
	expect(s.consoleProblems).toEqual([]);
});

test('the header form leads to a shareable results page, and typing updates it', async () => {
	await s.page.goto(`${s.base}/articles/`);
	await s.page.fill('#header-search', '胶质瘤');
	await s.page.press('#header-search', 'Enter');
	await s.page.waitForURL('**/search/?q=%E8%83%B6%E8%B4%A8%E7%98%A4');
	await s.page.locator('#search-results[data-search-state="done"]').waitFor();
	await s.page.fill('#search-input', '平扫CT');
	await s.page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '平扫CT' && document.querySelector('#search-results')?.getAttribute('data-search-state') === 'done');
	await expect(s.page.locator('[data-search-result][data-match="exact"] mark').first().textContent()).resolves.toBe('平扫CT');
	await s.page.keyboard.press('ArrowDown');
	await expect(s.page.evaluate(() => document.activeElement?.closest('[data-search-result]') !== null)).resolves.toBe(true);
	await s.page.screenshot({ path: join(root, 'tests', '.output', '6-search.png'), fullPage: true });
	expect(s.consoleProblems).toEqual([]);
});

describe('filters and sort', () => {
	const kindOf = (url: string) => pages.find((p) => p.url === url)!.kind;

	test('filter counts are the exact matches per value; choosing one narrows the results and the URL', async () => {
		await searchFor('人工智能');
		await s.page.locator('#search-filters[data-filters-state="done"]').waitFor();
		const all = containing('人工智能');
		const counts = await s.page.locator('[data-filter="kind"] .filter-option').evaluateAll((els) =>
			Object.fromEntries(els.map((e) => [e.querySelector('input')!.value, Number(e.querySelector('[data-filter-count]')!.textContent)])),
		);
		const kinds = [...new Set(pages.map((p) => p.kind))];
		expect(counts).toEqual(Object.fromEntries(kinds.map((k) => [k, all.filter((u) => kindOf(u) === k).length]).filter(([, n]) => n)));
		await s.page.check('[data-filter="kind"] input[value="活动"]');
		await s.page.waitForFunction(() => new URL(location.href).searchParams.get('kind') === '活动' && document.querySelector('#search-results')?.getAttribute('data-search-state') === 'done');
		const count = Number(await s.page.locator('#search-results').getAttribute('data-search-count'));
		expect(count).toBe(all.filter((u) => kindOf(u) === '活动').length);
	});

	test('a filter group lists its ten commonest values, 显示全部 the others; every count is the exact matches with that value', async () => {
		const q = '人工智能';
		await searchFor(q);
		await s.page.locator('#search-filters[data-filters-state="done"]').waitFor();
		const truth = new Map<string, number>();
		for (const u of containing(q)) for (const v of pages.find((p) => p.url === u)!.filters.speaker ?? []) truth.set(v, (truth.get(v) ?? 0) + 1);
		// The fixture's speakers are enough for the cap to show (it hides 5 values or more).
		expect(truth.size).toBeGreaterThanOrEqual(15);
		// A group hiding fewer than 5 lists them all.
		const topics = new Set(containing(q).flatMap((u) => pages.find((p) => p.url === u)!.filters.topic ?? []));
		expect(await s.page.locator('[data-filter="topic"] .filter-option').count()).toBe(topics.size < 15 ? topics.size : 10);
		const listed = () =>
			s.page.locator('[data-filter="speaker"] .filter-option').evaluateAll((els) => els.map((e) => [e.querySelector('input')!.value, Number(e.querySelector('[data-filter-count]')!.textContent)] as const));
		const top = await listed();
		expect(top.length).toBe(10);
		for (const [value, n] of top) expect(n, value).toBe(truth.get(value));
		const hiddenMost = Math.max(...[...truth].filter(([v]) => !top.some(([t]) => t === v)).map(([, n]) => n));
		expect(Math.min(...top.map(([, n]) => n))).toBeGreaterThanOrEqual(hiddenMost);
		const more = s.page.locator('[data-filter="speaker"] [data-more-values]');
		expect(await more.textContent()).toBe(`显示全部（还有 ${truth.size - 10} 项）`);
		await more.click();
		expect(Object.fromEntries(await listed())).toEqual(Object.fromEntries(truth));
		expect(await s.page.locator('[data-filter="speaker"] [data-more-values]').count()).toBe(0);
		// The reader's place: the first value that was hidden.
		expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('speaker');
	});

	test('filters in a shared link apply on arrival, several filters combine', async () => {
		await s.page.goto(`${s.base}/search/?q=${encodeURIComponent('AI')}&kind=${encodeURIComponent('文章')}&year=2024`);
		await s.page.locator('#search-results[data-search-state="done"]').waitFor();
		const urls = await s.page.locator('[data-search-result][data-match="exact"] a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		const want = containing('AI').filter((u) => kindOf(u) === '文章' && pages.find((p) => p.url === u)!.filters.year?.includes('2024'));
		expect(urls.length).toBe(Math.min(10, want.length));
		expect(urls.filter((u) => !want.includes(u))).toEqual([]);
		await expect(s.page.isChecked('[data-filter="kind"] input[value="文章"]')).resolves.toBe(true);
	});

	test('a filter value no page has (an old or mistyped link) says the query is found, only filtered out, and can be unchecked', async () => {
		const q = '人工智能';
		await s.page.goto(`${s.base}/search/?q=${encodeURIComponent(q)}&kind=bogus`);
		await s.page.locator('#search-results[data-search-state="done"]').waitFor();
		await s.page.locator('#search-filters[data-filters-state="done"]').waitFor();
		expect(await s.page.locator('#search-status').textContent()).toBe(`有 ${containing(q).length} 个页面包含“${q}”，但没有一个符合所选的筛选条件：请取消部分筛选。`);
		await s.page.uncheck('[data-filter="kind"] input[value="bogus"]');
		await s.page.waitForFunction(() => !new URL(location.href).searchParams.has('kind') && document.querySelector('#search-results')?.getAttribute('data-search-state') === 'done');
		expect(Number(await s.page.locator('#search-results').getAttribute('data-search-count'))).toBe(containing(q).length);
	});

	test('sort by date puts the newest first', async () => {
		await s.page.goto(`${s.base}/search/?q=${encodeURIComponent('科学智能')}&sort=date`);
		await s.page.locator('#search-results[data-search-state="done"]').waitFor();
		const urls = await s.page.locator('[data-search-result][data-match="exact"] a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		const dates = urls.map((u) => (pages.find((p) => p.url === u)!.date ?? '').replace(/-/g, '').padEnd(8, '0'));
		expect(dates).toEqual([...dates].sort().reverse());
		expect(s.consoleProblems).toEqual([]);
	});
});

test('on a phone, nothing on screen moves while results arrive', async () => {
	await s.page.setViewportSize({ width: 412, height: 823 });
	try {
		// A one-line and a two-line status: neither may push the sort menu or the results down.
		for (const query of ['科学智能', '科学 猫狗']) {
			await s.page.goto(`${s.base}/search/?q=${encodeURIComponent(query)}`);
			await s.page.locator('#search-results[data-search-state="done"]').waitFor();
			// Buffered entries reach the observer in a task of their own; none at all means no shift.
			const shift = await s.page.evaluate(
				() =>
					new Promise<number>((resolve) => {
						let sum = 0;
						new PerformanceObserver((list) => list.getEntries().forEach((e) => (sum += (e as PerformanceEntry & { value: number }).value))).observe({ type: 'layout-shift', buffered: true });
						setTimeout(() => resolve(sum), 200);
					}),
			);
			expect(shift, query).toBeLessThan(0.01);
		}
	} finally {
		await s.page.setViewportSize({ width: 1280, height: 900 });
	}
});
