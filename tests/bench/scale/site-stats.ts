import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes and files under a folder, and its fullest folder (hosts cap entries per folder: Netlify 54,000). */
export function folderSize(dir: string): { bytes: number; files: number; html: number; fullest: { path: string; entries: number } } {
	let bytes = 0;
	let files = 0;
	let html = 0;
	let fullest = { path: '.', entries: 0 };
	const walk = (d: string) => {
		const names = readdirSync(d);
		if (names.length > fullest.entries) fullest = { path: d.slice(dir.length + 1) || '.', entries: names.length };
		for (const name of names) {
			const path = join(d, name);
			const st = statSync(path);
			if (st.isDirectory()) walk(path);
			else {
				bytes += st.size;
				files++;
				if (name.endsWith('.html')) html++;
			}
		}
	};
	walk(dir);
	return { bytes, files, html, fullest };
}

/**
 * What a reader downloads for one page, gzipped: its HTML, the stylesheets it links, and the
 * scripts it loads directly (module files and inline scripts; JSON-LD is data, not counted).
 */
export function pageWeight(dist: string, url: string): { html: number; css: number; js: number } {
	const file = join(dist, url, 'index.html');
	const html = readFileSync(file, 'utf8');
	const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
	const local = (href: string) => readFileSync(join(dist, href.split('?')[0]!));
	const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].reduce((n, m) => n + gz(local(m[1]!)), 0);
	const external = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].reduce((n, m) => n + gz(local(m[1]!)), 0);
	const inline = [...html.matchAll(/<script(?![^>]*application\/ld\+json)(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + (m[1]!.trim() ? gz(m[1]!) : 0), 0);
	// Inline <style> counts in the HTML's own bytes.
	return { html: gz(html), css, js: external + inline };
}

/**
 * The share cards of a build: how many, their bytes, how many the drawing thread drew and its time
 * (the build's line `分享图：绘制 N 张（另一线程 M 张，X 秒；…`, one per shard of a sharded build), and the time the page thread spent on their
 * routes, which Astro's log gives each card (`/cards/event/x.png (+3ms)`; a reused one says `(cached)`).
 */
export function cardStats(output: string, dist: string): { files: number; bytes: number; drawn: number; drawMs: number; routeMs: number } {
	const times = output.split('\n').filter((line) => line.includes('/cards/')).map((line) => /\(\+(\d+)ms\)/.exec(line)?.[1]).filter((ms): ms is string => ms !== undefined);
	// A sharded build's output has a line per shard.
	const drawing = [...output.matchAll(/分享图：绘制 (\d+) 张（另一线程 \d+ 张，([\d.]+) 秒/g)];
	const { files, bytes } = folderSize(join(dist, 'cards'));
	const drawn = drawing.reduce((sum, m) => sum + Number(m[1]), 0);
	const drawMs = drawing.reduce((sum, m) => sum + 1000 * Number(m[2]), 0);
	return { files, bytes, drawn, drawMs, routeMs: times.reduce((sum, ms) => sum + Number(ms), 0) };
}

/** Of the routes an `astro build` logged, how many it copied from its incremental-build cache (logged as "(cached)" or "(restored)"). */
export function reusedRoutes(output: string): { reused: number; routes: number } {
	return { reused: output.match(/\((?:cached|restored)\)/g)?.length ?? 0, routes: output.match(/[├└]─/g)?.length ?? 0 };
}
