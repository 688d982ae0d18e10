import type { CustomRecord } from 'pagefind';
import type { SearchPage } from './exact-index';
import { bodyLengthOf, bodyStartOf, LEAD } from './page-digest.ts';

/**
 * Characters Pagefind is given in all. Pagefind keeps its whole index in memory while it writes it,
 * ~1.5 MB per page of 3,000 Chinese characters (most of it segmentation; 1.55 GB for 10,000 records
 * of 320 characters, 2.3 GB for 100,000 of 30): 10,000 whole articles would need ~15 GB. Exact
 * matches come from the exact index, over every character; Pagefind only suggests related pages
 * when nothing matches, and a page's title, names and lead say what it is about. So every page keeps
 * its title and names, and the leads share what is left of this budget: whole (PAGEFIND_LEAD) up to
 * ~10,000 pages, the first ~200 characters at 10,000 articles, none beyond ~100,000 pages (where
 * titles and names alone fill it; a floor of 200 body characters a page would have asked ~10 GB there).
 */
export const PAGEFIND_BUDGET = 3_000_000;

/**
 * Pagefind writes one fragment file per page unless told a maximum (`maxFragments`, Pagefind 1.6:
 * fragments are then bundled into shared files). At 10,000 articles its 12,382 fragments were most of
 * the files a host counts (46,500 in all; Cloudflare Pages' free plan takes 20,000). Our fragments
 * only show related results (five at a time) and hold a page's title, names and lead, so bundles of
 * ~12 at 10,000 articles cost a reader little; below 1,000 pages nothing is bundled.
 */
export const PAGEFIND_MAX_FRAGMENTS = 1_000;

/**
 * How much of a body's start Pagefind is given at most: the lead, which the page cache keeps beside
 * each page's hash (page-digest.ts), so records are made without reading a body. Pagefind spends
 * ~4 µs per character, on one core (1,421 pages of a 1,000-article archive: 10.1 s given 2.5 million
 * characters of whole bodies, 3.2 s given 0.67 million; 2026-12-04): whole bodies made it the
 * longest step of a small archive's build, for results shown only when no page holds the query.
 */
export const PAGEFIND_LEAD = LEAD;

/** What Pagefind indexes of each page: title, names, and as much of the lead as the budget allows. */
export function pagefindRecords(pages: SearchPage[], budget = PAGEFIND_BUDGET): CustomRecord[] {
	const heads = pages.map((p) => [p.title, ...p.names].join('\n'));
	const headChars = heads.reduce((n, head) => n + head.length, 0);
	// Lengths known from the page cache: with no body in the records (large sites), no body is read.
	const total = pages.reduce((n, p) => n + Math.min(PAGEFIND_LEAD, bodyLengthOf(p)), headChars);
	const perPage = total <= budget ? PAGEFIND_LEAD : Math.max(0, Math.floor((budget - headChars) / Math.max(1, pages.length)));
	return pages.map((p, i) => ({
		url: p.url,
		content: perPage > 0 ? `${heads[i]}\n${bodyStartOf(p, perPage)}` : heads[i]!,
		language: 'zh-cn',
		// The same meta and filters the results list and facets use for exact matches.
		meta: { title: p.title, kind: p.filters.kind?.[0] ?? p.kind, ...(p.filters.event?.[0] ? { event: p.filters.event[0] } : {}), ...(p.date ? { date: p.date } : {}) },
		filters: p.filters,
		...(p.date ? { sort: { date: p.date } } : {}),
	}));
}
