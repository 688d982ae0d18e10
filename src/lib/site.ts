import { getCollection, type CollectionEntry } from 'astro:content';
import type { SiteRecords } from './records';
import { ContentReferenceError, findDanglingReferences } from './references';
import { buildSiteModel } from './site-model';

// Loaded once per build: every page imports `site` from here instead of querying collections itself.
const [series, organizations, topics, events, speakers, articles] = await Promise.all([
	getCollection('series'),
	getCollection('organizations'),
	getCollection('topics'),
	getCollection('events'),
	getCollection('speakers'),
	getCollection('articles'),
]);

const flatten = <T extends { id: string; filePath?: string; data: object }>(entries: T[], fallbackPath: string) =>
	entries.map((e) => ({ ...(e.data as T['data']), id: e.id, filePath: e.filePath ?? fallbackPath }));

const records: SiteRecords = {
	series: flatten(series, 'content/series.yaml'),
	organizations: flatten(organizations, 'content/organizations.yaml'),
	topics: flatten(topics, 'content/topics.yaml'),
	events: flatten(events, 'content/events'),
	speakers: flatten(speakers, 'content/speakers'),
	articles: flatten(articles, 'content/articles'),
};

const dangling = findDanglingReferences(records);
if (dangling.length > 0) throw new ContentReferenceError(dangling);

export const site = buildSiteModel(records);

const eventEntries = new Map(events.map((e) => [e.id, e]));
const articleEntries = new Map(articles.filter((a) => !a.data.draft).map((a) => [a.id, a]));

/** The collection entry behind a page, for `render()`ing its Markdown body. */
export const entryOf = {
	event: (id: string): CollectionEntry<'events'> => eventEntries.get(id)!,
	article: (id: string): CollectionEntry<'articles'> => articleEntries.get(id)!,
};
