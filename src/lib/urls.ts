import { COLLECTIONS, collectionByKind, type CollectionDef } from '../collections/registry';

/**
 * Every URL the site links to, under the site's base path (`/` or `/<repo>/` for a GitHub Pages
 * project site), so routes and links cannot drift apart. Entry pages follow the registry's routes.
 */
export function urlsFor(base = '/') {
	const root = base.endsWith('/') ? base : `${base}/`;
	const at = (path: string) => `${root}${path.replace(/^\//, '')}`;
	const entry = (kind: string, id: string) => at(`${collectionByKind.get(kind)!.route}/${id}/`);
	return {
		home: () => root,
		/** A file or page by its path from the site's root: `favicon.svg`, `search-index/`. */
		at,
		/** A collection's index page (`/events/`). */
		index: (c: Pick<CollectionDef, 'route'>) => at(`${c.route}/`),
		entry,
		event: (id: string) => entry('event', id),
		speaker: (id: string) => entry('speaker', id),
		article: (id: string) => entry('article', id),
		topic: (id: string) => entry('topic', id),
		series: (id: string) => entry('series', id),
		organization: (id: string) => entry('organization', id),
		/** A page of the article list by year (./article-pages.ts): `articles/year/2024/`, `…/2024/2/`. */
		articleYear: (year: string, page: number) => at(`${collectionByKind.get('article')!.route}/year/${year}/${page > 1 ? `${page}/` : ''}`),
		search: () => at('search/'),
		sitemap: () => at('sitemap-index.xml'),
		/** RSS feeds: all articles, an event's, a speaker's. */
		siteFeed: () => at('rss.xml'),
		eventFeed: (id: string) => at(`events/${id}/rss.xml`),
		speakerFeed: (id: string) => at(`speakers/${id}/rss.xml`),
		/** A share card (og:image): an event's, a speaker's, or the site's own (`site`, `home`). */
		card: (kind: string, id: string) => at(`cards/${kind}/${id}.png`),
		/** An event's articles as one BibTeX file. */
		eventBib: (id: string) => at(`events/${id}/citations.bib`),
		eventCalendar: (id: string) => at(`events/${id}/calendar.ics`),
		talkCalendar: (id: string, talk: string) => at(`events/${id}/calendar/${talk}.ics`),
		speakerCalendar: (id: string) => at(`speakers/${id}/calendar.ics`),
	};
}

export type Urls = ReturnType<typeof urlsFor>;

/** Collections with an index page, in registry order: what the navigation may list. */
export const INDEXED = COLLECTIONS.filter((c) => 'index' in c && c.index);
