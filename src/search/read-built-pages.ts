import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { fileSignature } from '../lib/file-signature.ts';
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
 * With a `cacheFile`, a page is not parsed again when its bytes and facts are unchanged since the
 * last build (parsing is most of the time: ~20 s for 12,000 pages), and not even read when the file
 * itself is untouched (dist/ is kept between builds: 218 MB at 10,000 articles); a cached page's body
 * is read from the cache only if something asks for it (./page-cache.ts). `changed`, when
 * given, receives the last build's reading of each page that did change (null: nothing searchable).
 */
export function readBuiltPages(
	dist: string,
	facts: Map<string, PageFacts>,
	{ base = '/', cacheFile, changed }: { base?: string; cacheFile?: string; changed?: Map<string, SearchPage | null> } = {},
): SearchPage[] {
	// A cached body that does not match its hash is read again from its page, if the page is unchanged.
	const unchanged = new Map<string, string>();
	const reread = (url: string) => {
		const path = unchanged.get(url);
		return path === undefined ? undefined : (readPage(facts.get(url)!, readFileSync(path, 'utf8'))?.body);
	};
	const cache = cacheFile ? openPageCache(cacheFile, reread) : undefined;
	const previous = cache?.entries ?? {};
	const next: PageCacheEntries = {};
	const pages: SearchPage[] = [];
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'pagefind' && entry.name !== 'search-index' && entry.name !== '_astro') walk(path);
				continue;
			}
			if (!entry.name.endsWith('.html')) continue;
			const url = prefix + relative(dist, path).replace(/\\/g, '/').replace(/index\.html$/, '');
			const known = facts.get(url);
			if (!known) continue;
			if (!cache) {
				const page = readPage(known, readFileSync(path, 'utf8'));
				if (page) pages.push(page);
				continue;
			}
			const cached = previous[url];
			const stat = fileSignature(path);
			const factsHash = createHash('sha1').update(JSON.stringify(known)).digest('base64url');
			let current = cached;
			if (cached?.stat !== stat || cached.facts !== factsHash) {
				const bytes = readFileSync(path);
				const hash = createHash('sha1').update(bytes).digest('base64url');
				if (cached?.hash === hash && cached.facts === factsHash) current = { ...cached, stat };
				else {
					if (cached) changed?.set(url, cached.page);
					current = { stat, hash, facts: factsHash, page: readPage(known, bytes.toString('utf8')) };
				}
			}
			if (current!.hash === cached?.hash && current!.facts === cached.facts) unchanged.set(url, path);
			next[url] = current!;
			if (current!.page) pages.push(current!.page);
		}
	};
	walk(dist);
	cache?.save(next);
	return pages;
}

/** The searchable part of one page, or null when it has none. */
function readPage(facts: PageFacts, html: string): SearchPage | null {
	const body = select('[data-pagefind-body]', parser.parse(html)) as Element | undefined;
	if (!body) return null;
	for (const ignored of selectAll('[data-pagefind-ignore]', body)) ignored.children = [];
	return { ...facts, body: toText(body) };
}
