import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { fileSignature } from '../lib/file-signature';
import type { SearchPage } from './exact-index';
import { openPageCache, type PageCacheEntries } from './page-cache';

const parser = unified().use(rehypeParse);

/**
 * The searchable pages of a built site: each HTML page with a `[data-pagefind-body]` element,
 * read exactly as a reader sees it, so "the page contains the query" means what it says; parts
 * marked `data-pagefind-ignore` (links to feeds and downloads) are left out, as Pagefind leaves them.
 *
 * With a `cacheFile`, a page is not parsed again when its bytes are unchanged since the last build
 * (parsing is most of the time: ~20 s for 12,000 pages), and not even read when the file itself is
 * untouched (dist/ is kept between builds: 218 MB at 10,000 articles). `changed`, when given,
 * receives the last build's reading of each page whose bytes did change (null: nothing searchable).
 */
export function readBuiltPages(dist: string, { cacheFile, changed }: { cacheFile?: string; changed?: Map<string, SearchPage | null> } = {}): SearchPage[] {
	const cache = cacheFile ? openPageCache(cacheFile) : undefined;
	const previous = cache?.entries ?? {};
	const next: PageCacheEntries = {};
	const pages: SearchPage[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'pagefind' && entry.name !== 'search-index' && entry.name !== '_astro') walk(path);
				continue;
			}
			if (!entry.name.endsWith('.html')) continue;
			const url = '/' + relative(dist, path).replace(/\\/g, '/').replace(/index\.html$/, '');
			if (!cache) {
				const page = readPage(url, readFileSync(path, 'utf8'));
				if (page) pages.push(page);
				continue;
			}
			const known = previous[url];
			const stat = fileSignature(path);
			let current = known;
			if (known?.stat !== stat) {
				const bytes = readFileSync(path);
				const hash = createHash('sha1').update(bytes).digest('base64url');
				if (known?.hash === hash) current = { ...known, stat };
				else {
					if (known) changed?.set(url, known.page);
					current = { stat, hash, page: readPage(url, bytes.toString('utf8')) };
				}
			}
			next[url] = current!;
			if (current!.page) pages.push(current!.page);
		}
	};
	walk(dist);
	cache?.save(next);
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
