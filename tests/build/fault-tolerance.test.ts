import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyContent } from '../support/content-copy';
import { SITES, buildKilled, buildSite } from '../support/sites';

// Builds get killed (laptops, CI timeouts) and fail half way. Whatever happened to the build before,
// the next one must publish exactly what a clean build of the same content publishes: byte for byte,
// every file of dist/, with no documented exception so far. The small second fixture site builds in
// ~5 s, so each scenario is a few real builds.

const SITE = SITES.second;
const ARTICLE = 'content/articles/lakeside-forum-2023-report.md';
const PAGE = 'articles/lakeside-forum-2023-report/index.html';
const PHRASE = '撤回的句子只在一次失败的构建里出现过';
const ANSI = /\x1b\[[0-9;]*m/g;

const work = mkdtempSync(join(tmpdir(), 'huiji-faults-'));
const content = copyContent(SITE.root);
const original = readFileSync(join(content, ARTICLE), 'utf8');
let clean: Map<string, Buffer>;

/** Every file of a built dist/, by path. */
function files(dist: string): Map<string, Buffer> {
	return new Map(
		readdirSync(dist, { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile())
			.map((e) => [relative(dist, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]),
	);
}

/** Paths whose bytes differ between two builds (or that only one has). */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
	return [...new Set([...a.keys(), ...b.keys()])].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)) || !b.has(path)).sort();
}

const build = (out: string) => {
	const result = buildSite(content, out, SITE.url);
	expect(result.status, result.output).toBe(0);
	return result.output.replace(ANSI, '');
};
const edit = () => writeFileSync(join(content, ARTICLE), original.replace(/\n---\n/, `\n---\n\n${PHRASE}。\n`));
const revert = () => writeFileSync(join(content, ARTICLE), original);
/** Output lines Astro prints once a page is written (its render time follows its path). */
const written = (page: string) => (output: string) => new RegExp(`/${page.replace(/[.]/g, '\\.')}\\s*\\(\\+\\d+m?s\\)`).test(output.replace(ANSI, ''));

beforeAll(() => {
	build(join(work, 'clean'));
	clean = files(join(work, 'clean/dist'));
}, 120_000);
afterAll(() => {
	revert();
	rmSync(work, { recursive: true, force: true });
	rmSync(content, { recursive: true, force: true });
});

/** A fresh output folder, built once, as a site's dist/ and cache stand before an edit. */
function previouslyBuilt(name: string): string {
	const out = join(work, name);
	build(out);
	return out;
}

/** After whatever `interrupt` did to a build of the edited article: revert, build, compare. */
function expectCleanAfterRevert(out: string) {
	revert();
	build(out);
	const now = files(join(out, 'dist'));
	expect(differences(clean, now)).toEqual([]);
	expect([...now.values()].some((bytes) => bytes.includes(PHRASE))).toBe(false);
}

describe('an edit, a build that dies, the edit reverted: the next build is a clean build', () => {
	test('killed right after the edited page was written', async () => {
		const out = previouslyBuilt('killed-after-page');
		edit();
		const { killed } = await buildKilled(content, out, SITE.url, written(PAGE));
		expect(killed).toBe(true);
		expect(readFileSync(join(out, 'dist', PAGE), 'utf8')).toContain(PHRASE);
		expectCleanAfterRevert(out);
	}, 120_000);

	test('killed after every page was written, while the sitemap and search indexes were being made', async () => {
		const out = previouslyBuilt('killed-after-pages');
		edit();
		const { killed } = await buildKilled(content, out, SITE.url, (o) => o.includes('sitemap-index.xml'));
		expect(killed).toBe(true);
		expectCleanAfterRevert(out);
	}, 120_000);

	test('failed after the edited page was written (a later page could not be written), then dist/ deleted', async () => {
		const out = previouslyBuilt('failed');
		edit();
		// A file where the topics folder must go: writing the topic pages fails, after the articles.
		rmSync(join(out, 'dist/topics'), { recursive: true });
		writeFileSync(join(out, 'dist/topics'), '');
		const failed = buildSite(content, out, SITE.url);
		expect(failed.status).not.toBe(0);
		expect(readFileSync(join(out, 'dist', PAGE), 'utf8')).toContain(PHRASE);
		rmSync(join(out, 'dist'), { recursive: true });
		expectCleanAfterRevert(out);
	}, 120_000);
});

test('each cache file cut short, as a kill during its write would leave it: the next build succeeds and is a clean build', () => {
	const out = previouslyBuilt('truncated');
	const cache = join(out, 'cache');
	// Files of a kept folder (Astro's copies of pages and its pictures, the kept search indexes, the
	// drawn share cards) are one kind each: the first of each stands for all of them.
	const folders = ['dist', 'assets', 'search/pagefind', 'search/exact-index', 'huiji/cards'];
	const kinds = new Map<string, string>();
	for (const e of readdirSync(cache, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
		const path = relative(cache, join(e.parentPath, e.name));
		const kind = folders.find((f) => path.startsWith(`${f}/`)) ?? path;
		if (!kinds.has(kind)) kinds.set(kind, join(cache, path));
	}
	const cut: string[] = [];
	for (const file of kinds.values()) {
		if (statSync(file).size < 2) continue;
		truncateSync(file, Math.floor(statSync(file).size / 2));
		cut.push(relative(cache, file));
		build(out);
		expect(differences(clean, files(join(out, 'dist'))), `after cutting ${relative(cache, file)} short`).toEqual([]);
	}
	// The ones a build is known to keep, so that this test cannot pass by finding none.
	expect(cut).toEqual(expect.arrayContaining([expect.stringMatching(/^assets\//), expect.stringMatching(/^huiji\/cards\//), 'search/search-pages.jsonl', 'search/exact-index.json', 'search/pagefind.sha1', 'validate/clean-files.v8', 'huiji/page-ledger.json', 'incremental-build.json']));
}, 300_000);

test('a page in dist/ edited by hand is rendered again, not trusted for its cacheKey', () => {
	const out = previouslyBuilt('hand-edited');
	mkdirSync(join(out, 'dist/articles'), { recursive: true });
	writeFileSync(join(out, 'dist', PAGE), readFileSync(join(out, 'dist', PAGE), 'utf8').replace('</main>', `<p>${PHRASE}</p></main>`));
	const output = build(out);
	expect(output).toContain('增量构建：1 个页面不是上次完整构建写下的');
	expect(differences(clean, files(join(out, 'dist')))).toEqual([]);
}, 120_000);

test('a build told to render every page (astro build --force) or of a changed configuration renders each once, and the build after it none again', () => {
	const out = previouslyBuilt('rendered-anew');
	for (const [siteUrl, args] of [[SITE.url, ['--force']], ['http://localhost:4322/', []]] as const) {
		// --force keeps every page's key; another site address changes Astro's configuration hash.
		const anew = buildSite(content, out, siteUrl, ...args);
		expect(anew.status, anew.output).toBe(0);
		expect(anew.output.replace(ANSI, '')).not.toMatch(/\(cached\)/);
		const again = buildSite(content, out, siteUrl);
		expect(again.status, again.output).toBe(0);
		// The ledger took the pages as that build left them: none is distrusted, the article is reused.
		expect(again.output.replace(ANSI, '')).not.toContain('不是上次完整构建写下的');
		expect(again.output.replace(ANSI, '')).toMatch(new RegExp(`/${PAGE.replace(/[.]/g, '\\.')} \\(cached\\)`));
	}
}, 180_000);

test('a page’s cached copy cut short while dist/ has the page: once dist/ is deleted, the page is rendered again, not restored from the copy', () => {
	const out = previouslyBuilt('copy-cut');
	const copy = join(out, 'cache/dist', PAGE);
	truncateSync(copy, Math.floor(statSync(copy).size / 2));
	// dist/ still has the page as recorded: the copy is not looked at, and nothing changes.
	build(out);
	expect(differences(clean, files(join(out, 'dist')))).toEqual([]);
	rmSync(join(out, 'dist'), { recursive: true });
	const output = build(out);
	expect(output).toContain('增量构建：1 个页面不是上次完整构建写下的');
	expect(differences(clean, files(join(out, 'dist')))).toEqual([]);
}, 120_000);
