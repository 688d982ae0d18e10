import type { RSSOptions } from '@astrojs/rss';
import type { Chrome } from './site-model';
import type { PartialDate } from '../schemas';
import type { ArticleSummary } from './site-model';

/** A feed date only for a known day: "2024" must not become 1 January 2024. */
const pubDate = (d: PartialDate | undefined) => (d?.precision === 'day' ? new Date(Date.UTC(d.year, d.month! - 1, d.day!)) : undefined);

/**
 * An RSS feed of articles, newest first (the order the site model keeps them in). Its channel links to
 * the page it is about (`page`: the event's, the speaker's, the home page) and to itself (`atom:link
 * rel="self"`, as RSS Best Practices and the W3C feed validator ask); its date is its newest item's
 * known day — never the build's time, which would change a feed whose content did not.
 */
export function articleFeed(title: string, description: string, articles: ArticleSummary[], where: { page: URL; self: URL }, chrome: Pick<Chrome, 'title' | 'lang'>): RSSOptions {
	const newest = articles.map((a) => pubDate(a.date)).filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
	return {
		title: title === chrome.title ? title : `${title} · ${chrome.title}`,
		description,
		site: where.page,
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: [
			`<language>${chrome.lang}</language>`,
			`<atom:link href="${where.self.href}" rel="self" type="application/rss+xml"/>`,
			...(newest ? [`<pubDate>${newest.toUTCString()}</pubDate>`] : []),
		].join(''),
		items: articles.map((a) => ({
			title: a.title,
			link: a.url,
			pubDate: pubDate(a.date),
			description: [a.kindLabel, a.subtitle, a.sourceText, a.dateText].filter(Boolean).join(' · '),
			categories: a.events.map((e) => e.name),
		})),
	};
}
