import type { CustomRecord } from 'pagefind';
import type { SearchPage } from './exact-index';

/**
 * Characters of page body Pagefind is given in all. Pagefind keeps its whole index in memory while
 * it writes it, ~1.5 MB per page of 3,000 Chinese characters (most of it segmentation): 10,000
 * articles would need ~15 GB. Exact matches come from the exact index, over every character;
 * Pagefind only suggests related pages when nothing matches, and a page's title, names and lead
 * say what it is about. So every page keeps those, and the bodies share this budget: whole
 * bodies up to ~900 articles, the first ~300 characters of each at 10,000.
 */
export const PAGEFIND_BODY_BUDGET = 3_000_000;

/**
 * Pagefind writes one fragment file per page unless told a maximum (`maxFragments`, Pagefind 1.6:
 * fragments are then bundled into shared files). At 10,000 articles its 12,382 fragments were most of
 * the files a host counts (46,500 in all; Cloudflare Pages' free plan takes 20,000). Our fragments
 * only show related results (five at a time) and hold a page's title, names and lead, so bundles of
 * ~12 at 10,000 articles cost a reader little; below 1,000 pages nothing is bundled.
 */
export const PAGEFIND_MAX_FRAGMENTS = 1_000;

/** What Pagefind indexes of each page: title, names, and as much of the body as the budget allows. */
export function pagefindRecords(pages: SearchPage[], budget = PAGEFIND_BODY_BUDGET): CustomRecord[] {
	const total = pages.reduce((n, p) => n + p.body.length, 0);
	const perPage = total <= budget ? Infinity : Math.max(200, Math.floor(budget / Math.max(1, pages.length)));
	return pages.map((p) => ({
		url: p.url,
		content: [p.title, ...p.names, p.body.slice(0, perPage)].join('\n'),
		language: 'zh-cn',
		// The same meta and filters the results list and facets use for exact matches.
		meta: { title: p.title, kind: p.filters.kind?.[0] ?? p.kind, ...(p.filters.event?.[0] ? { event: p.filters.event[0] } : {}), ...(p.date ? { date: p.date } : {}) },
		filters: p.filters,
		...(p.date ? { sort: { date: p.date } } : {}),
	}));
}
