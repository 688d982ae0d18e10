import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { root } from '../support/dist';
import { fixtureSite } from '../support/sites';
import { openSite, type Session } from '../support/browser';

const shots = join(root, 'tests', '.output');
let s: Session;
beforeAll(async () => {
	mkdirSync(shots, { recursive: true });
	s = await openSite(fixtureSite('proceedings').dist);
});
afterAll(() => s?.close());

const shot = (name: string) => s.page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

test('a reader goes from the home page to an event, a speaker and an article', async () => {
	const { page } = s;
	await page.goto(s.base + '/');
	await expect(page.title()).resolves.toBe('会记');
	await expect(page.locator('.year').allTextContents()).resolves.toEqual(['2024', '2023', '2022']);
	await shot('1-home');

	await page.getByRole('link', { name: '2023全球科学智能峰会' }).first().click();
	await page.waitForURL('**/events/ai-for-science-summit-2023/');
	await expect(page.locator('h1').textContent()).resolves.toBe('2023全球科学智能峰会');
	await expect(page.locator('.meta').first().textContent()).resolves.toContain('2023年8月10日至11日');
	await expect(page.locator('.meta').first().textContent()).resolves.toContain('北京科学智能研究院');
	await shot('2-event');

	await page.locator('.agenda').getByRole('link', { name: '鄂维南' }).click();
	await page.waitForURL('**/speakers/e-weinan/');
	await expect(page.locator('.pinyin').textContent()).resolves.toBe('E Weinan / Weinan E');
	await expect(page.locator('.as-given').textContent()).resolves.toBe('中国科学院院士、北京科学智能研究院院长、北京大学国际机器学习研究中心主任');
	await expect(page.locator('.appearance-list').textContent()).resolves.toContain('原文：“中国科学院院士，北京科学智能研究院院长、北京大学国际机器学习研究中心主任”');
	await shot('3-speaker');

	await page.getByRole('link', { name: '向着新一轮科学革命制高点攀登——2023全球科学智能峰会观察' }).first().click();
	await page.waitForURL('**/articles/ai-for-science-summit-2023-observation/');
	await expect(page.locator('[data-article-body]').textContent()).resolves.toContain('我认为AI for Science是中国科技创新历史上最好的机会。');
	await expect(page.locator('.byline').textContent()).resolves.toBe('新华网记者 凌纪伟');
	await page.locator('[data-article-body] img').first().scrollIntoViewIfNeeded();
	await shot('4-article');

	expect(s.consoleProblems).toEqual([]);
	// Only the images the source article hotlinks were requested from outside.
	expect([...s.externalHosts]).toEqual(['pic.imgdb.cn']);
});

test('speakers index: grouped by pinyin initial, foreign names with the original', async () => {
	const { page } = s;
	await page.goto(s.base + '/speakers/');
	await expect(page.locator('h2.initial').allTextContents()).resolves.toEqual('BDEGHJLMSTWXZ'.split(''));
	await expect(page.locator('#initial-B + ul li').first().textContent()).resolves.toContain('雨果•彼得（Hugo Aerts）');
	await page.setViewportSize({ width: 390, height: 844 });
	await shot('5-speakers-mobile');
	expect(s.consoleProblems).toEqual([]);
});

test('an unknown address shows the Chinese 404 page', async () => {
	const response = await s.page.goto(s.base + '/speakers/no-such-person/');
	expect(response?.status()).toBe(404);
	await expect(s.page.locator('h1').textContent()).resolves.toBe('页面不存在');
});

test('an article’s citation: copy buttons put each form on the clipboard, under the CSP', async () => {
	const { page } = s;
	s.consoleProblems.length = 0; // the 404 test before leaves its expected "not found"
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.base });
	await page.goto(s.base + '/articles/ai-for-science-summit-2023-observation/');
	for (const [button, pre, status] of [
		['复制 GB/T 7714—2015', '#cite-gbt', '已复制 GB/T 7714—2015 格式的引文。'],
		['复制 BibTeX', '#cite-bibtex', '已复制 BibTeX 格式的引文。'],
	] as const) {
		await page.getByRole('button', { name: button }).click();
		// The clipboard write is asynchronous: the status line says when it is done.
		await page.locator('.copy-status', { hasText: status }).waitFor();
		await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(await page.locator(pre).textContent());
	}
	await shot('7-citation');
	expect(s.consoleProblems).toEqual([]);
});

test('printing an article or event: no site chrome, link URLs spelled out, sections on new pages', async () => {
	const { page } = s;
	await page.goto(s.base + '/events/ai-for-science-summit-2023/');
	await page.emulateMedia({ media: 'print' });
	try {
		await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
		await expect(page.locator('.site-footer').isVisible()).resolves.toBe(false);
		const after = await page.locator('.agenda .speaker-name').first().evaluate((a) => getComputedStyle(a, '::after').content);
		expect(after).toContain('/speakers/');
		await expect(page.locator('#agenda').evaluate((h) => getComputedStyle(h).breakBefore)).resolves.toBe('page');
		await page.goto(s.base + '/articles/ai-for-science-summit-2023-observation/');
		await expect(page.locator('.article-footer').evaluate((f) => getComputedStyle(f).breakBefore)).resolves.toBe('page');
		await expect(page.locator('.copy-button').first().isVisible()).resolves.toBe(false);
	} finally {
		await page.emulateMedia({ media: 'screen' });
	}
});
