import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { fileSignatureIfAny } from '../lib/file-signature.ts';
import type { SearchPage } from './exact-index';
import { openPageCache, type PageCacheEntries } from './page-cache.ts';

const parser = unified().use(rehypeParse);

/** What the site model says of a searchable page (src/lib/site-model.ts `SearchEntry`). */
export type PageFacts = Omit<SearchPage, 'body'>;

/**
 * The searchable pages of a built site: for each page the model lists (`facts`, by URL under the
 * site's base path), its title, kind, names and facets from the model, and the text of its
 * `[data-pagefind-body]` element exactly as a reader sees it, so "the page contains the query" means
 * what it says; parts marked `data-pagefind-ignore` (links to feeds and downloads) are left out, as
 * Pagefind leaves them.
 *
 * With a `cacheFile` (or that `cache`, opened ahead), a page is not parsed again when its bytes and facts are unchanged since the
 * last build (parsing is most of the time: ~20 s for 12,000 pages), and not even read when the file
 * itself is untouched (dist/ is kept between builds: 218 MB at 10,000 articles); a cached page's body
 * is read from the cache only if something asks for it (./page-cache.ts). `changed`, when
 * given, receives the last build's reading of each page that did change (null: nothing searchable).
 */
export function readBuiltPages(
	dist: string,
	facts: Map<string, PageFacts>,
	{ base = '/', cacheFile, cache = cacheFile === undefined ? undefined : openBuiltPagesCache(cacheFile), changed }: { base?: string; cacheFile?: string; cache?: BuiltPagesCache; changed?: Map<string, SearchPage | null> } = {},
): SearchPage[] {
	const unchanged = cache?.unchanged;
	const previous = cache?.entries ?? {};
	const next: PageCacheEntries = {};
	const pages: SearchPage[] = [];
	const prefix = base.endsWith('/') ? base : `${base}/`;
	// The pages are found from their URLs, not by listing dist/: at 100,000 articles that is 122,000
	// folders (~4 s). Taken in the order a listing sorted by name at each level met them, which
	// Pagefind's records and the page cache follow.
	// With each `/` as a character below any in a name, plain code-unit order is that walk's order.
	const located = [...facts.keys()].flatMap((url) => {
		if (!url.startsWith(prefix)) return [];
		const path = url.slice(prefix.length).replace(/(^|\/)$/, '$1index.html');
		return path.endsWith('.html') ? [{ url, path, order: path.replaceAll('/', '\0') }] : [];
	});
	for (const { url, path } of located.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))) {
		const file = join(dist, path);
		const known = facts.get(url)!;
		const stat = fileSignatureIfAny(file);
		if (stat === null) continue;
		if (!cache) {
			const page = readPage(known, readFileSync(file, 'utf8'));
			if (page) pages.push(page);
			continue;
		}
		const cached = previous[url];
		const factsHash = createHash('sha1').update(JSON.stringify(known)).digest('base64url');
		let current = cached;
		if (cached?.stat !== stat || cached.facts !== factsHash) {
			const bytes = readFileSync(file);
			const hash = createHash('sha1').update(bytes).digest('base64url');
			if (cached?.hash === hash && cached.facts === factsHash) current = { ...cached, stat };
			else {
				if (cached) changed?.set(url, cached.page);
				current = { stat, hash, facts: factsHash, page: readPage(known, bytes.toString('utf8')) };
			}
		}
		if (current!.hash === cached?.hash && current!.facts === cached.facts) unchanged!.set(url, { path: file, facts: known });
		next[url] = current!;
		if (current!.page) pages.push(current!.page);
	}
	cache?.save(next, changed?.values());
	return pages;
}

/** readBuiltPages()'s page cache, open: it can be opened ahead, while Astro builds the pages (src/cli/build.ts). */
export type BuiltPagesCache = ReturnType<typeof openPageCache> & { unchanged: Map<string, { path: string; facts: PageFacts }> };

/** The page cache in `cacheFile`, opened for readBuiltPages(). */
export function openBuiltPagesCache(cacheFile: string): BuiltPagesCache {
	// A cached body that does not match its hash is read again from its page, if readBuiltPages()
	// found the page unchanged.
	const unchanged: BuiltPagesCache['unchanged'] = new Map();
	const reread = (url: string) => {
		const known = unchanged.get(url);
		return known && readPage(known.facts, readFileSync(known.path, 'utf8'))?.body;
	};
	return { ...openPageCache(cacheFile, reread), unchanged };
}

/** The searchable part of one page, or null when it has none. */
function readPage(facts: PageFacts, html: string): SearchPage | null {
	const body = select('[data-pagefind-body]', parser.parse(html)) as Element | undefined;
	if (!body) return null;
	for (const ignored of selectAll('[data-pagefind-ignore]', body)) ignored.children = [];
	return { ...facts, body: toText(body) };
}
