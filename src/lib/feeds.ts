import type { RSSOptions } from '@astrojs/rss';
import type { Chrome } from './site-model';
import type { PartialDate } from '../schemas';
import type { ArticleSummary } from './site-model';

/** A feed date only for a known day: "2024" must not become 1 January 2024. */
const pubDate = (d: PartialDate | undefined) => (d?.precision === 'day' ? new Date(Date.UTC(d.year, d.month! - 1, d.day!)) : undefined);

/** An RSS feed of articles, newest first (the order the site model keeps them in). */
export function articleFeed(title: string, description: string, articles: ArticleSummary[], site: URL, chrome: Pick<Chrome, 'title' | 'lang'>): RSSOptions {
	return {
		title: title === chrome.title ? title : `${title} · ${chrome.title}`,
		description,
		site,
		customData: `<language>${chrome.lang}</language>`,
		items: articles.map((a) => ({
			title: a.title,
			link: a.url,
			pubDate: pubDate(a.date),
			description: [a.kindLabel, a.subtitle, a.sourceText, a.dateText].filter(Boolean).join(' · '),
			categories: a.events.map((e) => e.name),
		})),
	};
}
