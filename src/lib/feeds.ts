import type { RSSOptions } from '@astrojs/rss';
import { SITE } from '../config';
import type { PartialDate } from '../schemas';
import type { ArticleSummary } from './site-model';

/** A feed date only for a known day: "2024" must not become 1 January 2024. */
const pubDate = (d: PartialDate | undefined) => (d?.precision === 'day' ? new Date(Date.UTC(d.year, d.month! - 1, d.day!)) : undefined);

/** An RSS feed of articles, newest first (the order the site model keeps them in). */
export function articleFeed(title: string, description: string, articles: ArticleSummary[], site: URL): RSSOptions {
	return {
		title: title === SITE.title ? title : `${title} · ${SITE.title}`,
		description,
		site,
		customData: `<language>${SITE.lang}</language>`,
		items: articles.map((a) => ({
			title: a.title,
			link: a.url,
			pubDate: pubDate(a.date),
			description: [a.kindLabel, a.subtitle, a.sourceText, a.dateText].filter(Boolean).join(' · '),
			categories: a.events.map((e) => e.name),
		})),
	};
}
