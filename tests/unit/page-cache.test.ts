import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { SearchPage } from '../../src/search/exact-index';
import { pagefindRecords } from '../../src/search/pagefind-records';
import { readBuiltPages } from '../../src/search/read-built-pages';

// A built site of 60 small pages, read with a cache as the search index integration reads dist/.
let work: string;
let site: string;
let cacheFile: string;
const page = (n: number, text = `第 ${n} 篇纪要的正文`) =>
	`<!doctype html><html lang="zh-CN"><body><main data-pagefind-body><p>${text}</p></main></body></html>`;
const write = (n: number, text?: string) => {
	mkdirSync(join(site, 'articles', `a${n}`), { recursive: true });
	writeFileSync(join(site, 'articles', `a${n}`, 'index.html'), page(n, text));
};
// What the site model says of each page: 60 articles, whether or not their files exist yet.
const facts = new Map(
	Array.from({ length: 60 }, (_, n) => [`/articles/a${n}/`, { url: `/articles/a${n}/`, title: `纪要 ${n}`, kind: '文章', ownNames: false, names: [], filters: {} }]),
);
const read = () => {
	const changed = new Map<string, SearchPage | null>();
	const pages = readBuiltPages(site, facts, { cacheFile, changed });
	return { pages, changed: [...changed.keys()] };
};
const fresh = () => readBuiltPages(site, facts);

beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), 'huiji-page-cache-'));
	site = join(work, 'dist');
	cacheFile = join(work, 'search-pages.jsonl');
	for (let n = 0; n < 60; n++) write(n);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

test('an edited page is read again and reported with its old reading; the rest come from the cache', () => {
	read();
	write(7, '改过的正文');
	const { pages, changed } = read();
	expect(changed).toEqual(['/articles/a7/']);
	expect(pages).toEqual(fresh());
	expect(pages.find((p) => p.url === '/articles/a7/')?.body).toBe('改过的正文');
});

test('a page written again with the same bytes is not reported as changed', () => {
	read();
	write(3);
	expect(read().changed).toEqual([]);
});

test('a few edits write a small delta beside the cache, which later reads apply', () => {
	read();
	const base = readFileSync(cacheFile, 'utf8');
	write(1, '第一次改动');
	read();
	write(2, '第二次改动');
	const { changed } = read();
	expect(changed).toEqual(['/articles/a2/']);
	expect(readFileSync(cacheFile, 'utf8')).toBe(base);
	expect(Object.keys(JSON.parse(readFileSync(`${cacheFile}.delta`, 'utf8')).pages).sort()).toEqual(['/articles/a1/', '/articles/a2/']);
	// A page deleted is a delta entry too, and its reading is gone from the next build's pages.
	rmSync(join(site, 'articles', 'a5'), { recursive: true });
	expect(read().pages).toEqual(fresh());
	expect(read().pages.map((p) => p.url)).not.toContain('/articles/a5/');
});

test('many edits rewrite the whole cache and drop the delta', () => {
	read();
	write(1, '一处改动');
	read();
	for (let n = 0; n < 60; n++) write(n, `全部重写的第 ${n} 篇`);
	const { changed, pages } = read();
	expect(changed).toHaveLength(60);
	expect(existsSync(`${cacheFile}.delta`)).toBe(false);
	expect(pages).toEqual(fresh());
});

test('a delta left from another base is ignored, not applied to the wrong pages', () => {
	read();
	write(4, '改动甲');
	read();
	const delta = readFileSync(`${cacheFile}.delta`, 'utf8');
	for (let n = 0; n < 60; n++) write(n, `新一轮的第 ${n} 篇`);
	read(); // base rewritten, delta removed
	writeFileSync(`${cacheFile}.delta`, delta); // a stale delta naming the old base
	const { pages, changed } = read();
	expect(changed).toEqual([]);
	expect(pages.find((p) => p.url === '/articles/a4/')?.body).toBe('新一轮的第 4 篇');
});

test('a rewrite that keeps the size and puts the modification time back is still noticed', () => {
	read();
	const file = join(site, 'articles', 'a9', 'index.html');
	const { atime, mtime } = statSync(file);
	// Files are not read when their size and times are unchanged; the change time moves on any write.
	writeFileSync(file, page(9, '第 9 篇纪要的正改'));
	utimesSync(file, atime, mtime);
	expect(read().changed).toEqual(['/articles/a9/']);
});

test('a base cut short at the end of a line is discarded, not read as a site with fewer pages', () => {
	read();
	const lines = readFileSync(cacheFile, 'utf8').split('\n');
	writeFileSync(cacheFile, `${lines.slice(0, 30).join('\n')}\n`);
	write(1, '改过的正文'); // a page the cut base still holds
	const { pages, changed } = read();
	// Nothing from the cut base is trusted: no page is reported with a reading from it.
	expect(changed).toEqual([]);
	expect(pages).toEqual(fresh());
});

const bodiesFile = () => 'search-pages.jsonl.bodies';

test('an unchanged page’s body is read from the cache only when asked for, and is the page’s text', () => {
	read();
	write(7, '改过的正文');
	const { pages } = read();
	const unread = pages.filter((p) => Object.getOwnPropertyDescriptor(p, 'body')?.get);
	// Every page but the edited one, which was parsed again.
	expect(unread.map((p) => p.url).sort()).toEqual([...facts.keys()].filter((url) => url !== '/articles/a7/').sort());
	expect(pages).toEqual(fresh());
});

test('a bodies file changed under the cache at the same size: each wrong body is read again from its page', () => {
	read();
	const path = join(work, bodiesFile());
	const bytes = readFileSync(path);
	// Swap two characters of the first body (纪 and 要): same length, other text.
	const text = bytes.toString('utf8').replace('纪要', '要纪');
	writeFileSync(path, text);
	expect(Buffer.byteLength(text)).toBe(bytes.length);
	const { pages, changed } = read();
	expect(changed).toEqual([]);
	expect(pages).toEqual(fresh());
});

test('a bodies file of another length, none, or another index’s discards the base: nothing is read from it', () => {
	read();
	writeFileSync(join(work, bodiesFile()), '短了');
	write(1, '改过的正文');
	expect(read()).toEqual({ pages: fresh(), changed: [] });
	rmSync(join(work, bodiesFile()));
	write(2, '又改过的正文');
	expect(read()).toEqual({ pages: fresh(), changed: [] });
	// Of the same length but another index's (its first line names another base).
	const path = join(work, bodiesFile());
	writeFileSync(path, `${'0'.repeat(36)}${readFileSync(path, 'utf8').slice(36)}`);
	write(3, '再改过的正文');
	expect(read()).toEqual({ pages: fresh(), changed: [] });
});

test('a rewritten base leaves one bodies file, and the unchanged pages of that read keep their bodies', () => {
	read();
	// All but one page edited: the base is written anew, and the old bodies file removed.
	for (let n = 0; n < 60; n++) if (n !== 3) write(n, `全部重写的第 ${n} 篇`);
	const { pages, changed } = read();
	expect(changed).toHaveLength(59);
	expect(readdirSync(work).filter((f) => f.endsWith('.bodies'))).toHaveLength(1);
	expect(pages.find((p) => p.url === '/articles/a3/')?.body).toBe('第 3 篇纪要的正文');
	expect(pages).toEqual(fresh());
	expect(read().pages).toEqual(fresh());
});

test('a bodies file named after its base, as older versions left one, is removed', () => {
	read();
	const old = join(work, 'search-pages.jsonl.d671c869-1ee6-4e43-aa90-54e2ce336fc8.bodies');
	writeFileSync(old, 'the bodies of a base an older version wrote\n');
	write(3, '改过的第 3 篇');
	expect(read().pages).toEqual(fresh());
	expect(existsSync(old)).toBe(false);
	expect(readdirSync(work).filter((f) => f.endsWith('.bodies'))).toEqual(['search-pages.jsonl.bodies']);
});

test('Pagefind’s records of cached pages are those of fresh ones, and made without reading a body', () => {
	// Bodies of 300 characters: longer than the start the cache keeps of each (LEAD, 256), which is
	// all of a body Pagefind is given (PAGEFIND_LEAD).
	for (let n = 0; n < 60; n++) write(n, `第 ${n} 篇`.padEnd(300, '长'));
	read();
	const headChars = pagefindRecords(fresh(), 0).reduce((sum, r) => sum + r.content.length, 0);
	// Whole leads; 25 characters each; none.
	for (const budget of [Infinity, headChars + 60 * 256, headChars + 60 * 25, 0]) {
		const { pages } = read();
		expect(pages.every((p) => Object.getOwnPropertyDescriptor(p, 'body')?.get)).toBe(true);
		expect(pagefindRecords(pages, budget)).toEqual(pagefindRecords(fresh(), budget));
		const bodiesRead = pages.filter((p) => !Object.getOwnPropertyDescriptor(p, 'body')?.get).length;
		expect(bodiesRead, `budget ${budget}`).toBe(0);
	}
});
