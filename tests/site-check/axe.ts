import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium, PIXEL } from '../support/chromium';
import { serve } from '../support/static-server';
import type { BuiltSite, Finding } from './built-site';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on every page the sitemap lists, in light and in dark mode, after
 * the page's scripts have run (the search page renders its results). Also collects console errors.
 */
export async function checkAccessibility(site: BuiltSite, pages = site.sitemapPages()): Promise<Finding[]> {
	const browser = await launchChromium();
	const server = await serve(site.dir);
	const findings: Finding[] = [];
	try {
		const context = await browser.newContext({ locale: 'zh-CN' });
		await context.route((url) => url.origin !== server.url, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));
		const page = await context.newPage();
		let current = '';
		page.on('console', (m) => m.type() === 'error' && findings.push({ check: 'console', page: current, message: m.text() }));
		page.on('pageerror', (e) => findings.push({ check: 'console', page: current, message: e.message }));
		// The search page is also judged with results, filters and highlights on screen.
		for (const path of pages.flatMap((p) => (p === '/search/' ? [p, `${p}?q=${encodeURIComponent('智能')}`] : [p]))) {
			current = path;
			await page.emulateMedia({ colorScheme: 'light' });
			await page.goto(server.url + path, { waitUntil: 'load' });
			if (path.startsWith('/search/')) await page.waitForSelector('#search-results[data-search-state="done"]', { state: 'attached' });
			if (path.includes('?q=')) await page.waitForSelector('#search-filters[data-filters-state="done"]', { state: 'attached' });
			// Legacy mode runs axe in the page itself instead of opening a page per run for frame results:
			// the site has no iframes, and it halves the time. Dark mode changes colours only, so there
			// contrast is what can newly fail.
			for (const scheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme: scheme });
				const axe = new AxeBuilder({ page }).setLegacyMode(true).withTags(TAGS);
				const { violations } = await (scheme === 'dark' ? axe.withRules(['color-contrast']) : axe).analyze();
				for (const v of violations) {
					const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ');
					findings.push({ check: `axe (${scheme})`, page: path, message: `${v.id}: ${v.help} — ${v.nodes.length} element(s): ${where}` });
				}
			}
		}
		await context.close();
	} finally {
		await browser.close();
		await server.close();
	}
	return findings;
}
