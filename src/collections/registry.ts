import type { z } from 'zod';
import { zhCN } from '../i18n/zh-CN';
import { articleSchema, eventSchema, organizationSchema, seriesSchema, speakerSchema, topicSchema } from '../schemas';

/**
 * The one place each collection is defined. The Astro collections (content.config.ts), the
 * validator's file list, the reference checks, the field reference in CONTRIBUTING.md, the URLs and
 * the navigation are all derived from these entries; a new collection is a new entry here, a
 * schema in src/schemas/ and the components that render it.
 */
export interface CollectionDef<K extends string = string> {
	/** Collection name (Astro's), also the singular kind's plural: `events`. */
	key: K;
	/** What one entry is, as references and search name it: `event`. */
	kind: string;
	/**
	 * Where its entries live under `content/`: one file per entry (the file name is the id), or one
	 * YAML list whose items carry an `id`.
	 */
	storage: { type: 'folder'; folder: string; ext: '.md' | '.yaml' } | { type: 'list'; file: string };
	/** The zod schema factory an entry must pass (src/schemas/). */
	schema: () => z.ZodType;
	/** URL segment of its pages (`/events/<id>/`), or none when entries have no pages. */
	route?: string;
	/** Whether the route has an index page listing every entry (`/events/`). */
	index?: boolean;
	/**
	 * The ids it refers to: a path into an entry (`[]` steps into every item of a list) and the
	 * kind it names. Every one must resolve, or the build fails with the file and line.
	 */
	references: { path: string; to: string; draftAllowed?: boolean }[];
	/**
	 * References that are the entry's sources (`appearances[].article`): one may name a draft (an article
	 * stays a draft while its people are written), and the entry is published once one of them is.
	 */
	sources?: string;
	/** Every name an entry goes by (raw data, before its schema), so "a name where an id belongs" can suggest the id. */
	names(data: Record<string, unknown>): unknown[];
	/** Entries with `draft: true` are validated but not published, and may not be referred to. */
	drafts?: boolean;
	/** The folder of a one-file-per-entry collection holds Markdown whose body a page renders. */
	body?: boolean;
	/** The body is the entry (an article is its text): a file with front matter only is an error, not an empty page. */
	bodyRequired?: boolean;
	/** Its search results rank a match in the entry's own names first (a person's page for their name). */
	ownNamesRankFirst?: boolean;
	/** What the field reference says of a one-file-per-entry collection's file, after its path (Chinese, for editors). */
	editorHint?: string;
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? v : []);

export const COLLECTIONS = [
	{
		key: 'events',
		kind: 'event',
		storage: { type: 'folder', folder: 'events', ext: '.md' },
		schema: eventSchema,
		route: 'events',
		index: true,
		body: true,
		references: [
			{ path: 'series[].series', to: 'series' },
			{ path: 'organizers[].org', to: 'organization' },
			{ path: 'agenda[].speakers[]', to: 'speaker' },
			{ path: 'sessions[].chairs[]', to: 'speaker' },
			{ path: 'topics[]', to: 'topic' },
		],
		names: (d) => [d.name, d.shortName],
		editorHint: '字段区；正文写活动概述',
	},
	{
		key: 'speakers',
		kind: 'speaker',
		storage: { type: 'folder', folder: 'speakers', ext: '.yaml' },
		schema: speakerSchema,
		route: 'speakers',
		index: true,
		ownNamesRankFirst: true,
		sources: 'appearances[].article',
		references: [
			{ path: 'appearances[].article', to: 'article', draftAllowed: true },
			{ path: 'appearances[].event', to: 'event' },
			{ path: 'appearances[].roles[].org', to: 'organization' },
			{ path: 'distinctFrom[]', to: 'speaker' },
		],
		names: (d) => [d.name, d.originalName, ...list(d.aliases)],
	},
	{
		key: 'articles',
		kind: 'article',
		storage: { type: 'folder', folder: 'articles', ext: '.md' },
		schema: articleSchema,
		route: 'articles',
		index: true,
		body: true,
		bodyRequired: true,
		drafts: true,
		references: [
			{ path: 'events[]', to: 'event' },
			{ path: 'people[].speaker', to: 'speaker' },
			{ path: 'topics[]', to: 'topic' },
		],
		names: (d) => [d.title],
		editorHint: '字段区；正文照录原文',
	},
	{
		key: 'series',
		kind: 'series',
		storage: { type: 'list', file: 'series.yaml' },
		schema: seriesSchema,
		route: 'series',
		references: [{ path: 'partOf', to: 'series' }],
		names: (d) => [d.name],
		ownNamesRankFirst: true,
	},
	{
		key: 'organizations',
		kind: 'organization',
		storage: { type: 'list', file: 'organizations.yaml' },
		schema: organizationSchema,
		route: 'organizations',
		index: true,
		references: [],
		names: (d) => [d.name, d.originalName, ...list(d.aliases)],
		ownNamesRankFirst: true,
	},
	{
		key: 'topics',
		kind: 'topic',
		storage: { type: 'list', file: 'topics.yaml' },
		schema: topicSchema,
		route: 'topics',
		index: true,
		references: [],
		names: (d) => [d.name],
		ownNamesRankFirst: true,
	},
] as const satisfies readonly CollectionDef<string>[];

export type CollectionKey = (typeof COLLECTIONS)[number]['key'];
export type EntryKind = (typeof COLLECTIONS)[number]['kind'];
export type Collection = (typeof COLLECTIONS)[number];

export const collectionByKind = new Map<string, CollectionDef>(COLLECTIONS.map((c) => [c.kind, c]));
export const collectionByKey = new Map<string, CollectionDef>(COLLECTIONS.map((c) => [c.key, c]));

/** `content/events/<id>.md`, `content/series.yaml`: where an entry of this collection is written. */
export function whereToAdd(c: CollectionDef, id = '<id>'): string {
	return c.storage.type === 'folder' ? `content/${c.storage.folder}/${id}${c.storage.ext}` : `content/${c.storage.file}`;
}

/**
 * The ids at `path` in `data`, each with its full path: `agenda[].speakers[]` on an event yields
 * `[['agenda', 0, 'speakers', 1], 'e-weinan']` and so on. Values that are not strings are skipped
 * (the schema reports them).
 */
export function referencesAt(data: unknown, path: string): [path: (string | number)[], id: string][] {
	const steps = path.split('.').flatMap((part) => (part.endsWith('[]') ? [part.slice(0, -2), '[]'] : [part])).filter(Boolean);
	const out: [(string | number)[], string][] = [];
	const walk = (value: unknown, at: (string | number)[], i: number) => {
		if (i === steps.length) {
			if (typeof value === 'string') out.push([at, value]);
			return;
		}
		const step = steps[i]!;
		if (step === '[]') {
			if (Array.isArray(value)) value.forEach((item, j) => walk(item, [...at, j], i + 1));
		} else if (value && typeof value === 'object') {
			walk((value as Record<string, unknown>)[step], [...at, step], i + 1);
		}
	};
	walk(data, [], 0);
	return out;
}

/** What editors call an entry of this kind (嘉宾, 活动…): messages to editors are always Chinese. */
export const editorLabel = (kind: string): string => (zhCN.collections as Record<string, { label: string }>)[kind]?.label ?? kind;
