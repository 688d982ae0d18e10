import { preview } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, PIXEL } from './chromium';
import { root } from './dist';

export interface Session {
	browser: Browser;
	page: Page;
	base: string;
	/** Console errors and warnings, and uncaught page errors. */
	consoleProblems: string[];
	/** Hosts other than the preview server the pages asked for. */
	externalHosts: Set<string>;
	close(): Promise<void>;
}

/** Serves the built site with `astro preview` and opens it in headless Chromium. */
export async function openSite(): Promise<Session> {
	const browser = await launchChromium();
	const server = await preview({ root, logLevel: 'error', server: { port: 4400 + Math.floor(Math.random() * 500), host: '127.0.0.1' } });
	const base = `http://127.0.0.1:${server.port}`;
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
	const consoleProblems: string[] = [];
	const externalHosts = new Set<string>();
	await context.route(
		(url) => url.origin !== base,
		(route) => {
			externalHosts.add(new URL(route.request().url()).host);
			return route.request().resourceType() === 'image'
				? route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL })
				: route.abort();
		},
	);
	const page = await context.newPage();
	page.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()} (${page.url()})`);
	});
	page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message} (${page.url()})`));
	return {
		browser,
		page,
		base,
		consoleProblems,
		externalHosts,
		async close() {
			await browser.close();
			await server.stop();
		},
	};
}
