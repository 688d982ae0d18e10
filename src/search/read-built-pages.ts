import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { SearchPage } from './exact-index';

const parser = unified().use(rehypeParse);

/** What was read from each built page last time, by its path and a hash of its bytes. */
type PageCache = Record<string, { hash: string; page: SearchPage | null }>;
/** Raise when readPage() changes what it reads: cached pages from older builds are then read again. */
const CACHE_VERSION = 1;

/**
 * The searchable pages of a built site: each HTML page with a `[data-pagefind-body]` element,
 * read exactly as a reader sees it, so "the page contains the query" means what it says; parts
 * marked `data-pagefind-ignore` (links to feeds and downloads) are left out, as Pagefind leaves them.
 * With a `cacheFile`, a page whose bytes are unchanged since the last build is not parsed again
 * (parsing is most of the time: ~20 s for 12,000 pages), and `changed`, when given, receives the
 * last build's reading of each page whose bytes did change (null: it had nothing searchable).
 */
export function readBuiltPages(dist: string, { cacheFile, changed }: { cacheFile?: string; changed?: Map<string, SearchPage | null> } = {}): SearchPage[] {
	const previous: PageCache = (() => {
		if (!cacheFile || !existsSync(cacheFile)) return {};
		const saved = JSON.parse(readFileSync(cacheFile, 'utf8'));
		return saved.version === CACHE_VERSION ? saved.pages : {};
	})();
	const next: PageCache = {};
	const pages: SearchPage[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				if (name !== 'pagefind' && name !== 'search-index' && name !== '_astro') walk(path);
				continue;
			}
			if (!name.endsWith('.html')) continue;
			const url = '/' + relative(dist, path).replace(/\\/g, '/').replace(/index\.html$/, '');
			const bytes = readFileSync(path);
			const hash = cacheFile ? createHash('sha1').update(bytes).digest('base64url') : '';
			const known = previous[url];
			const page = known && known.hash === hash ? known.page : readPage(url, bytes.toString('utf8'));
			if (known && known.hash !== hash) changed?.set(url, known.page);
			if (cacheFile) next[url] = { hash, page };
			if (page) pages.push(page);
		}
	};
	walk(dist);
	if (cacheFile) writeFileSync(cacheFile, JSON.stringify({ version: CACHE_VERSION, pages: next }));
	return pages;
}

/** The searchable part of one page, or null when it has none. */
function readPage(url: string, html: string): SearchPage | null {
	const body = select('[data-pagefind-body]', parser.parse(html)) as Element | undefined;
	if (!body) return null;
	for (const ignored of selectAll('[data-pagefind-ignore]', body)) ignored.children = [];
	const attr = (key: string) => {
		const v = body.properties[key];
		return v === undefined || v === null ? undefined : String(v);
	};
	return {
		url,
		title: attr('dataSearchTitle') ?? '',
		kind: attr('dataSearchKind') ?? '文章',
		date: attr('dataSearchDate'),
		event: attr('dataSearchEvent'),
		names: attr('dataSearchNames')?.split('|') ?? [],
		body: toText(body),
		filters: JSON.parse(String((select('[data-search-filters]', body) as Element | undefined)?.properties.dataSearchFilters ?? '{}')),
	};
}
