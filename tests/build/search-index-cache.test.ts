import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { indexOrder } from '../../src/search/exact-index';
import { createExactSearch } from '../../src/search/exact-search';
import { readBuiltPages } from '../../src/search/read-built-pages';
import { writeSearchIndexes, type WrittenIndexes } from '../../src/search/write-indexes';
import { fixtureSite } from '../support/sites';
import { indexFileLoader, indexFolderFiles, searchFacts } from '../support/search-index';

const fixture = fixtureSite('proceedings');
const facts = searchFacts(fixture.root);

// A copy of the built site, indexed as a build would with its cache: once, then again after edits.
const work = mkdtempSync(join(tmpdir(), 'huiji-index-cache-'));
const site = join(work, 'dist');
const cache = join(work, 'cache');
const ARTICLE = 'articles/ai-for-science-summit-2023-observation/index.html';
const PHRASE = '会后主办方公布了下一届的举办时间';

let first: WrittenIndexes;
beforeAll(async () => {
	cpSync(fixture.dist, site, { recursive: true });
	first = await writeSearchIndexes(site, facts, { cacheDir: cache });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const found = async (query: string) => {
	const pages = indexOrder(readBuiltPages(site, facts));
	return (await createExactSearch(indexFileLoader(site)).search(query)).matches.map((m) => pages[m.page]!.url);
};

test('an edit to one article: its index is patched, the new words are found on that page only, and the index is the one a whole build makes', async () => {
	expect(first.exact).toEqual({ patched: false, reason: undefined });
	expect(await found(PHRASE)).toEqual([]);

	const file = join(site, ARTICLE);
	const html = readFileSync(file, 'utf8');
	const edited = html.replace(/(<[a-z]+ [^>]*data-pagefind-body[^>]*>)/, `$1<p>${PHRASE}。</p>`);
	expect(edited).not.toBe(html);
	writeFileSync(file, edited);
	const second = await writeSearchIndexes(site, facts, { cacheDir: cache });
	expect(second.exact).toMatchObject({ patched: true, changedPages: 1 });
	expect(await found(PHRASE)).toEqual([`/${ARTICLE.replace('index.html', '')}`]);
	// And again: the kept index as the patch left it is trusted (its files signed again), so patched again.
	writeFileSync(file, edited.replace(PHRASE, `${PHRASE}，地点另行通知`));
	const third = await writeSearchIndexes(site, facts, { cacheDir: cache });
	expect(third.exact).toMatchObject({ patched: true, changedPages: 1 });
	expect(await found('地点另行通知')).toEqual([`/${ARTICLE.replace('index.html', '')}`]);

	const patched = indexFolderFiles(join(site, 'search-index'));
	rmSync(join(site, 'search-index'), { recursive: true });
	await writeSearchIndexes(site, facts); // no cache: built whole
	expect(patched).toEqual(indexFolderFiles(join(site, 'search-index')));
}, 120_000);

test('every page written anew (a change of style) and one article’s text edited: the page cache is rewritten whole, and the index still patched', async () => {
	// Every built page's bytes change, as a new stylesheet's name in each <head> changes them.
	const urls = [...facts.keys()].filter((url) => url.endsWith('/'));
	for (const url of urls) {
		const file = join(site, url, 'index.html');
		writeFileSync(file, readFileSync(file, 'utf8').replace('</head>', '<meta name="x-restyled" content="1"></head>'));
	}
	expect(urls.length).toBeGreaterThan(50); // past the page cache's delta: its base is written again
	// An article not edited before: the last build's reading of it is in the cache's base, not its delta.
	const other = 'articles/ai-reshapes-tumour-care/index.html';
	const file = join(site, other);
	writeFileSync(file, readFileSync(file, 'utf8').replace(/(<[a-z]+ [^>]*data-pagefind-body[^>]*>)/, '$1<p>改版后补记的一句话。</p>'));
	const written = await writeSearchIndexes(site, facts, { cacheDir: cache });
	expect(written.exact).toMatchObject({ patched: true, changedPages: 1 });
	expect(await found('改版后补记的一句话')).toEqual([`/${other.replace('index.html', '')}`]);
}, 120_000);

test('a page removed: the index is built whole, and says why', async () => {
	rmSync(join(site, ARTICLE));
	const third = await writeSearchIndexes(site, facts, { cacheDir: cache });
	expect(third.exact).toEqual({ patched: false, reason: '页面有增删或日期变动' });
	expect(await found(PHRASE)).toEqual([]);
}, 120_000);
