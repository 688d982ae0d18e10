import { existsSync } from 'node:fs';
import { preview } from 'astro';
import { chromium, type Browser, type Page } from 'playwright-core';
import { root } from './dist';

/** Debian's Chromium; test tools cannot download their own browser on these machines. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

// 1×1 transparent PNG, served in place of images from outside hosts (no internet here).
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

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
	if (!CHROMIUM) throw new Error('Chromium not found: install Debian’s `chromium` package or set CHROMIUM_PATH.');
	const server = await preview({ root, logLevel: 'error', server: { port: 4400 + Math.floor(Math.random() * 500), host: '127.0.0.1' } });
	const base = `http://127.0.0.1:${server.port}`;
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
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
