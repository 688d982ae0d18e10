import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, test } from 'vitest';
import { COLLECTIONS, type CollectionDef } from '../../src/collections/registry';
import { loadRecords } from '../support/content';
import { builtPages, contentRoot, dist, page, requireBuild } from '../support/dist';

// The launch site (content/, built into dist/ by `npm test`): properties any valid content has, so
// an editor's valid pull request can never turn these red. Exact values are tested on fixture sites.
beforeAll(requireBuild);
const records = loadRecords(contentRoot);
// The address and base path the build used (astro.config.mjs): `npm test` builds for the default.
const site = (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/$/, '');
const base = `${new URL(site).pathname.replace(/\/$/, '')}/`;
const entriesOf = (c: CollectionDef) => ((records as unknown as Record<string, { id: string; draft?: boolean; name?: string; title?: string }[]>)[c.key] ?? []).filter((e) => !e.draft);
const routed = (COLLECTIONS as readonly CollectionDef[]).filter((c) => c.route);

describe('every published entry of every collection with pages has its page, titled with its name', () => {
	test.each(routed.map((c) => [c.key, c] as const))('%s', (_, c) => {
		const built = builtPages().filter((p) => new RegExp(`^/${c.route}/[^/]+/$`).test(p));
		expect(built.sort()).toEqual(entriesOf(c).map((e) => `/${c.route}/${e.id}/`).sort());
		for (const e of entriesOf(c)) expect(toText(select('h1', page(`/${c.route}/${e.id}/`))!)).toContain(e.title ?? e.name);
	});
	test('drafts have no page', () => {
		for (const a of records.articles.filter((x) => x.draft)) expect(builtPages()).not.toContain(`/articles/${a.id}/`);
	});
});

describe('site files', () => {
	test('sitemap-index.xml lists every page under the configured site URL', () => {
		const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
		expect(index).toContain(`<loc>${site}/sitemap-0.xml</loc>`);
		const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
		for (const c of routed) for (const e of entriesOf(c)) expect(sitemap).toContain(`${site}/${c.route}/${e.id}/`);
	});
	test('pages are in the language content/site.yaml names; JavaScript only for search and the citation copy buttons (one module each)', () => {
		for (const p of builtPages()) {
			const tree = page(p);
			expect(select('html', tree)!.properties.lang).toBe(records.settings.lang);
			const code = selectAll('script', tree).filter((s) => s.properties.type !== 'application/ld+json');
			expect(code.length, p).toBe(p === '/search/' || /^\/articles\/[^/]+\/$/.test(p) ? 1 : 0);
		}
	});
	test('every page carries the site’s title and has a search form that works without JavaScript (GET /search/?q=)', () => {
		for (const p of builtPages()) {
			expect(toText(select('.brand-name', page(p))!), p).toBe(records.settings.title);
			const form = select('form[role="search"]', page(p))!;
			expect([form.properties.action, form.properties.method, select('input', form)!.properties.name]).toEqual([`${base}search/`, 'get', 'q']);
		}
	});
	test('foreign names are marked with their language', () => {
		const marked = selectAll('[lang]', page('/speakers/')).map((n) => toText(n));
		for (const s of records.speakers.filter((x) => x.originalName)) expect(marked).toContain(s.originalName);
	});
	test('remote images in article bodies carry no referrer', () => {
		for (const a of records.articles.filter((x) => !x.draft)) {
			for (const img of selectAll('[data-article-body] img[src^="http"]', page(`/articles/${a.id}/`))) expect(img.properties.referrerPolicy).toBe('no-referrer');
		}
	});
	test('the 404 page exists', () => {
		expect(select('h1', page('/404.html'))).toBeTruthy();
	});
});
