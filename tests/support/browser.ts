import type { Browser, Page } from 'playwright-core';
import { launchChromium, PIXEL } from './chromium';
import { serve } from './static-server';

export interface Session {
	browser: Browser;
	page: Page;
	/** The site's address, base path included, without the final slash: `s.base + '/events/'`. */
	base: string;
	/** Console errors and warnings, and uncaught page errors. */
	consoleProblems: string[];
	/** Hosts other than the site's the pages asked for. */
	externalHosts: Set<string>;
	/** Every path the site's server was asked for, base path included. */
	requests: string[];
	close(): Promise<void>;
}

/**
 * Serves a built site folder at its base path, as a static host would, and opens it in headless
 * Chromium. Requests to other hosts are refused (images get a pixel), except origins in `allow`
 * (the web editor's local decap-server).
 */
export async function openSite(dist: string, basePath = '/', { allow = [] }: { allow?: string[] } = {}): Promise<Session> {
	const browser = await launchChromium();
	const server = await serve(dist, { base: basePath });
	const origin = server.url;
	const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
	const consoleProblems: string[] = [];
	const externalHosts = new Set<string>();
	await context.route(
		(url) => url.origin !== origin && !allow.includes(url.origin),
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
		base: origin + basePath.replace(/\/$/, ''),
		consoleProblems,
		externalHosts,
		requests: server.requests,
		async close() {
			await browser.close();
			await server.close();
		},
	};
}
