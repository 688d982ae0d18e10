import { groupBy } from './group-by';
import type { ArticleSummary } from './site-model';

/** One page of the article list by year: a year's articles (or the undated ones), a page at a time. */
export interface ArticleListPage {
	url: string;
	/** `2024`, or `undated` for the articles whose sources give no date. */
	year: string;
	/** 2024年 / 日期不详 */
	yearLabel: string;
	/** 1-based; the year's first page is its own address, the others `<year>/2/`… */
	page: number;
	pages: number;
	/** Newest first, as the whole list. */
	articles: ArticleSummary[];
	prev?: string;
	next?: string;
}
/** A year of the archive, as the list's year navigation shows it. */
export interface ArticleYear {
	year: string;
	label: string;
	url: string;
	count: number;
}
export interface ArticleList {
	/** The newest articles: the list's own page (/articles/). */
	latest: ArticleSummary[];
	years: ArticleYear[];
	pages: ArticleListPage[];
}

/**
 * The article list in pages: the newest `perPage` on the list's own page, and every article on exactly
 * one page of its year, newest first. One page of 100,000 articles was 48 MB of HTML, too much for a
 * reader's browser and rendered again on every build; a year's pages change only when that year's
 * articles do. `articles` come newest first, undated last (the site model's order).
 */
export function articleList(
	articles: ArticleSummary[],
	perPage: number,
	pageUrl: (year: string, page: number) => string,
	label: { year: (y: number) => string; undated: string },
): ArticleList {
	const years: ArticleYear[] = [];
	const pages: ArticleListPage[] = [];
	for (const [year, list] of groupBy(articles, (a) => (a.date ? String(a.date.year) : UNDATED))) {
		const yearLabel = year === UNDATED ? label.undated : label.year(Number(year));
		const count = Math.ceil(list.length / perPage);
		years.push({ year, label: yearLabel, url: pageUrl(year, 1), count: list.length });
		for (let page = 1; page <= count; page++) {
			pages.push({
				url: pageUrl(year, page),
				year,
				yearLabel,
				page,
				pages: count,
				articles: list.slice((page - 1) * perPage, page * perPage),
				prev: page > 1 ? pageUrl(year, page - 1) : undefined,
				next: page < count ? pageUrl(year, page + 1) : undefined,
			});
		}
	}
	return { latest: articles.slice(0, perPage), years, pages };
}

/** The year segment of the undated articles' pages. */
export const UNDATED = 'undated';
