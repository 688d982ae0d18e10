import { getCollection } from 'astro:content';
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

const files = (entries: { id: string; filePath?: string; digest?: string | number }[]) => new Map(entries.map((e) => [e.id, { path: e.filePath!, digest: String(e.digest) }]));
const eventFiles = files(events);
const articleFiles = files(articles);

/** The Markdown file behind a page, for rendering its body (src/markdown/render-file.ts), and its digest. */
export const bodyFile = {
	event: (id: string) => eventFiles.get(id)!,
	article: (id: string) => articleFiles.get(id)!,
};
