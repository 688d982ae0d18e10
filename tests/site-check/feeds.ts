import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRssFeed } from 'feedsmith';
import { builtFiles, type BuiltSite, type Finding } from './built-site';

/** Every `rss.xml` under the built site, as URL paths (`/events/x/rss.xml`). */
/** Every RSS feed of a built site, as URL paths. */
export const feedPaths = (dir: string) => builtFiles(dir, (name) => name === 'rss.xml');

/**
 * Every RSS feed read by an independent parser (feedsmith), then held to RSS 2.0 and the RSS Best
 * Practices the W3C validator applies: a title, description and link; the link is the page the feed is
 * about (the folder it sits in) and exists; an `atom:link rel="self"` that is the feed's own address;
 * each item with a title and a link to a built page; dates that parse. The site's address is taken from
 * the home feed's own self link, so the check works under any base path.
 */
export function checkFeeds(site: BuiltSite): Finding[] {
	const findings: Finding[] = [];
	const feeds = feedPaths(site.dir);
	for (const path of feeds) {
		const found = (message: string) => findings.push({ check: 'feed', page: path, message });
		let feed: ReturnType<typeof parseRssFeed>;
		try {
			feed = parseRssFeed(readFileSync(join(site.dir, path), 'utf8'));
		} catch (error) {
			found(`not an RSS feed: ${(error as Error).message}`);
			continue;
		}
		const self = feed.atom?.links?.find((l: { rel?: string }) => l.rel === 'self')?.href;
		if (!feed.title || !feed.description) found('channel without title or description');
		if (!self) {
			found('no atom:link rel="self"');
			continue;
		}
		const selfUrl = new URL(self);
		// The path of the address the site was built for, from the feed's own self link.
		const base = selfUrl.pathname.slice(0, selfUrl.pathname.length - path.length + 1);
		const local = (url: URL) => '/' + url.pathname.slice(base.length);
		if (local(selfUrl) !== path) found(`atom:link self is ${self}, not this feed`);
		const about = path.replace(/rss\.xml$/, '');
		if (!feed.link || local(new URL(feed.link)) !== about) found(`channel link ${feed.link} is not the page the feed is about (${about})`);
		else if (!site.fileFor(about)) found(`channel link ${feed.link} has no page`);
		for (const date of [feed.pubDate, feed.lastBuildDate, ...(feed.items ?? []).map((i: { pubDate?: string }) => i.pubDate)]) {
			if (date !== undefined && Number.isNaN(Date.parse(date))) found(`date “${date}” does not parse`);
		}
		for (const item of feed.items ?? []) {
			if (!item.title || !item.link) found(`item without title or link: ${JSON.stringify(item).slice(0, 80)}`);
			else if (!site.fileFor(local(new URL(item.link)))) found(`item link ${item.link} has no page`);
		}
	}
	if (feeds.length === 0) findings.push({ check: 'feed', page: '/', message: 'no rss.xml in the site' });
	return findings;
}
