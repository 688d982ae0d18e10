import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { SearchPage } from './exact-index';

const parser = unified().use(rehypeParse);

/**
 * The searchable pages of a built site: each HTML page with a `[data-pagefind-body]` element,
 * read exactly as a reader sees it, so "the page contains the query" means what it says; parts
 * marked `data-pagefind-ignore` (links to feeds and downloads) are left out, as Pagefind leaves them.
 */
export function readBuiltPages(dist: string): SearchPage[] {
	const pages: SearchPage[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				if (name !== 'pagefind' && name !== 'search-index' && name !== '_astro') walk(path);
				continue;
			}
			if (!name.endsWith('.html')) continue;
			const body = select('[data-pagefind-body]', parser.parse(readFileSync(path, 'utf8'))) as Element | undefined;
			if (!body) continue;
			for (const ignored of selectAll('[data-pagefind-ignore]', body)) ignored.children = [];
			const attr = (key: string) => {
				const v = body.properties[key];
				return v === undefined || v === null ? undefined : String(v);
			};
			pages.push({
				url: '/' + relative(dist, path).replace(/\\/g, '/').replace(/index\.html$/, ''),
				title: attr('dataSearchTitle') ?? '',
				kind: attr('dataSearchKind') ?? '文章',
				date: attr('dataSearchDate'),
				event: attr('dataSearchEvent'),
				names: attr('dataSearchNames')?.split('|') ?? [],
				body: toText(body),
				filters: JSON.parse(String((select('[data-search-filters]', body) as Element | undefined)?.properties.dataSearchFilters ?? '{}')),
			});
		}
	};
	walk(dist);
	return pages;
}
