import {
	ARTICLE_KINDS,
	EVENT_FORMATS,
	EVENT_KINDS,
	MENTION_ROLES,
	ORGANIZER_TIERS,
	TALK_ROLES,
	type PartialDate,
} from '../schemas';
import { byDateDesc, formatDate, formatDateRange } from './dates';
import type { SiteRecords } from './records';
import { urls } from './urls';

/** Something with a name but no page of its own (organisations). */
/** Facets a page is filed under in search: kind, year, event, topic, speaker. */
export type SearchFilters = Record<'kind' | 'year' | 'event' | 'topic' | 'speaker', string[]>;

export interface Named {
	id: string;
	name: string;
}
export interface Link extends Named {
	url: string;
}
export interface SpeakerLink extends Link {
	originalName?: string;
	originalLang: string;
}
export interface EventLink extends Link {
	dateText: string;
}
export interface ArticleSummary {
	id: string;
	url: string;
	title: string;
	subtitle?: string;
	kindLabel: string;
	/** 科技日报 · AI世界 */
	sourceText?: string;
	date?: PartialDate;
	dateText?: string;
	events: EventLink[];
}
export interface TalkView {
	title?: string;
	roleLabel: string;
	forum?: string;
	summary?: string;
	/** Speakers with how the sources described them at this event. */
	speakers: (SpeakerLink & { description?: string })[];
}
export interface EventView extends EventLink {
	shortName: string;
	kindLabel: string;
	start: PartialDate;
	end?: PartialDate;
	dateNote?: string;
	year: number;
	format?: keyof typeof EVENT_FORMATS;
	formatLabel?: string;
	venueText?: string;
	series: (Link & { editionText?: string })[];
	organizers: { tier: string; label: string; orgs: Named[] }[];
	theme?: string;
	forums?: { count?: number; names: string[] };
	agenda: TalkView[];
	releases: string[];
	livestream?: { platforms: string[]; audience?: string };
	facts: { label: string; value: string }[];
	topics: Link[];
	articles: ArticleSummary[];
	speakers: SpeakerLink[];
	searchFilters: SearchFilters;
}
export interface SpeakerView extends SpeakerLink {
	aliases: string[];
	allNames: string[];
	/** E Weinan / Weinan E, for Chinese names. */
	pinyin?: { familyFirst: string; givenFirst: string };
	initial: string;
	sortKey: string;
	/** Titles and affiliations from the most recent source, composed from its roles, for lists. */
	latestDescription: string;
	/** The same, as roles: job titles with their organisations (structured data). */
	latestRoles: { title: string; org?: string }[];
	appearances: { asGiven: string; description: string; article: Link; event?: EventLink }[];
	talks: (TalkView & { event: EventLink })[];
	articles: (ArticleSummary & { asLabel: string })[];
	events: EventLink[];
	searchFilters: SearchFilters;
}
export interface ArticleView extends ArticleSummary {
	kind: keyof typeof ARTICLE_KINDS;
	outlet?: string;
	column?: string;
	sourceUrl?: string;
	sourceNote?: string;
	bylines: { role?: string; name: string }[];
	dateNote?: string;
	seed: string;
	people: (SpeakerLink & { asLabel: string })[];
	topics: Link[];
	photoCredits: string[];
	searchFilters: SearchFilters;
}
export interface TopicView extends Link {
	description?: string;
	articles: ArticleSummary[];
	events: EventLink[];
}
export interface SeriesView extends Link {
	description?: string;
	firstYear?: number;
	partOf?: Link;
	parts: Link[];
	events: EventView[];
}
export interface SiteModel {
	events: EventView[];
	speakers: SpeakerView[];
	articles: ArticleView[];
	/** Published articles by id, for pages that list summaries but need the whole view (citations). */
	articleById: Map<string, ArticleView>;
	topics: TopicView[];
	series: SeriesView[];
	/** Events grouped by year, newest year first. */
	eventsByYear: { year: number; events: EventView[] }[];
	/** Speakers grouped by the initial of their pinyin, A–Z. */
	speakersByInitial: { initial: string; speakers: SpeakerView[] }[];
}

const collator = new Intl.Collator('zh-CN');

/**
 * Builds every view the pages render, once. References are assumed checked
 * (`checkReferences`); a missing id here is a programming error and throws.
 */
export function buildSiteModel(records: SiteRecords): SiteModel {
	const published = records.articles.filter((a) => !a.draft);
	const need = <T>(map: Map<string, T>, id: string, what: string): T => {
		const v = map.get(id);
		if (!v) throw new Error(`unresolved ${what} reference: ${id}`);
		return v;
	};
	const orgs = new Map<string, Named>(records.organizations.map((o) => [o.id, { id: o.id, name: o.name }]));
	const topicLinks = new Map(records.topics.map((t) => [t.id, { id: t.id, url: urls.topic(t.id), name: t.name }]));
	const seriesLinks = new Map(records.series.map((s) => [s.id, { id: s.id, url: urls.series(s.id), name: s.name }]));
	const speakerLinks = new Map<string, SpeakerLink>(
		records.speakers.map((s) => [s.id, { id: s.id, url: urls.speaker(s.id), name: s.name, originalName: s.originalName, originalLang: s.originalLang }]),
	);
	const eventLinks = new Map<string, EventLink>(
		records.events.map((e) => [e.id, { id: e.id, url: urls.event(e.id), name: e.name, dateText: formatDateRange(e.start, e.end) }]),
	);
	const articleLinks = new Map(records.articles.map((a) => [a.id, { id: a.id, url: urls.article(a.id), name: a.title }]));
	const articleDates = new Map(records.articles.map((a) => [a.id, a.date]));
	// Search facets name events by their short names: full official names are too long for a filter list.
	const shortNames = new Map(records.events.map((e) => [e.id, e.shortName]));

	const describe = (roles: SiteRecords['speakers'][number]['appearances'][number]['roles']) =>
		describeRoles(roles.map((r) => ({ ...r, org: r.org ? need(orgs, r.org, 'organization').name : undefined })));
	const descriptionAt = new Map(
		records.speakers.flatMap((s) => s.appearances.flatMap((ap) => (ap.event ? [[`${s.id}@${ap.event}`, describe(ap.roles)] as const] : []))),
	);
	const talkView = (eventId: string, t: SiteRecords['events'][number]['agenda'][number]): TalkView => ({
		title: t.title,
		roleLabel: TALK_ROLES[t.role],
		forum: t.forum,
		summary: t.summary,
		speakers: t.speakers.map((id) => ({ ...need(speakerLinks, id, 'speaker'), description: descriptionAt.get(`${id}@${eventId}`) })),
	});

	const articles: ArticleView[] = published
		.map((a) => ({
			id: a.id,
			url: urls.article(a.id),
			title: a.title,
			subtitle: a.subtitle,
			kind: a.kind,
			kindLabel: ARTICLE_KINDS[a.kind],
			sourceText: [a.source.outlet, a.source.column].filter(Boolean).join(' · ') || undefined,
			outlet: a.source.outlet,
			column: a.source.column,
			sourceUrl: a.source.url,
			sourceNote: a.source.note,
			date: a.date,
			dateText: a.date ? formatDate(a.date) : undefined,
			dateNote: a.dateNote,
			bylines: a.bylines,
			seed: a.seed,
			events: a.events.map((id) => need(eventLinks, id, 'event')),
			people: a.people.map((p) => ({ ...need(speakerLinks, p.speaker, 'speaker'), asLabel: MENTION_ROLES[p.as] })),
			topics: a.topics.map((id) => need(topicLinks, id, 'topic')),
			photoCredits: a.photoCredits,
			searchFilters: {
				kind: ['文章'],
				year: a.date ? [String(a.date.year)] : [],
				event: a.events.map((id) => need(shortNames, id, 'event')),
				topic: a.topics.map((id) => need(topicLinks, id, 'topic').name),
				speaker: a.people.map((p) => need(speakerLinks, p.speaker, 'speaker').name),
			},
		}))
		.sort(byDateDesc((a) => a.date, (a) => a.id));
	const summary = (a: ArticleView): ArticleSummary => ({
		id: a.id,
		url: a.url,
		title: a.title,
		subtitle: a.subtitle,
		kindLabel: a.kindLabel,
		sourceText: a.sourceText,
		date: a.date,
		dateText: a.dateText,
		events: a.events,
	});

	// Who and what belongs where, indexed once: scanning every article per event or speaker would
	// grow with the square of an archive's size.
	const articlesOfEvent = indexBy(articles, (a) => a.events.map((e) => e.id));
	const articlesOfSpeaker = indexBy(articles, (a) => a.people.map((p) => p.id));
	const articlesOfTopic = indexBy(articles, (a) => a.topics.map((t) => t.id));
	const speakersAt = indexBy(records.speakers, (s) => s.appearances.flatMap((ap) => (ap.event ? [ap.event] : [])));
	const talksOf = indexBy(
		records.events.flatMap((e) => e.agenda.map((talk) => ({ event: e.id, talk }))),
		({ talk }) => talk.speakers,
	);

	const events: EventView[] = records.events
		.map((e) => {
			const agenda = e.agenda.map((t) => talkView(e.id, t));
			const speakerIds = new Set([
				...e.agenda.flatMap((t) => t.speakers),
				...(speakersAt.get(e.id) ?? []).map((s) => s.id),
			]);
			return {
				...need(eventLinks, e.id, 'event'),
				shortName: e.shortName,
				kindLabel: EVENT_KINDS[e.kind],
				start: e.start,
				end: e.end,
				dateNote: e.dateNote,
				year: e.start.year,
				format: e.format,
				formatLabel: e.format ? EVENT_FORMATS[e.format] : undefined,
				venueText: [e.venue?.city, e.venue?.name].filter(Boolean).join(' · ') || undefined,
				series: e.series.map((s) => ({
					...need(seriesLinks, s.series, 'series'),
					editionText: s.edition ? `第${s.edition}届` : undefined,
				})),
				organizers: (Object.keys(ORGANIZER_TIERS) as (keyof typeof ORGANIZER_TIERS)[])
					.map((tier) => ({
						tier,
						label: ORGANIZER_TIERS[tier],
						orgs: e.organizers.filter((o) => o.tier === tier).map((o) => need(orgs, o.org, 'organization')),
					}))
					.filter((t) => t.orgs.length > 0),
				theme: e.theme,
				forums: e.forums,
				agenda,
				releases: e.releases,
				livestream: e.livestream,
				facts: e.facts,
				topics: e.topics.map((id) => need(topicLinks, id, 'topic')),
				articles: (articlesOfEvent.get(e.id) ?? []).map(summary),
				speakers: [...speakerIds].map((id) => need(speakerLinks, id, 'speaker')).sort((a, b) => collator.compare(a.name, b.name)),
				searchFilters: {
					kind: ['活动'],
					year: [String(e.start.year)],
					event: [e.shortName],
					topic: e.topics.map((id) => need(topicLinks, id, 'topic').name),
					speaker: [...speakerIds].map((id) => need(speakerLinks, id, 'speaker').name),
				},
			};
		})
		.sort(byDateDesc((e) => e.start, (e) => e.id));

	const speakers: SpeakerView[] = records.speakers
		.map((s) => {
			const appearances = s.appearances.map((ap) => ({
				roles: ap.roles.map((r) => ({ title: r.title, org: r.org ? need(orgs, r.org, 'organization').name : undefined })),
				asGiven: ap.asGiven,
				description: describe(ap.roles),
				article: need(articleLinks, ap.article, 'article'),
				event: ap.event ? need(eventLinks, ap.event, 'event') : undefined,
			}));
			const talks = (talksOf.get(s.id) ?? []).map(({ event, talk }) => ({ ...talkView(event, talk), event: need(eventLinks, event, 'event') }));
			const quotedIn = (articlesOfSpeaker.get(s.id) ?? []).map((a) => ({ ...summary(a), asLabel: a.people.find((p) => p.id === s.id)!.asLabel }));
			const eventIds = new Set([...talks.map((t) => t.event.id), ...appearances.flatMap((ap) => (ap.event ? [ap.event.id] : []))]);
			const attended = events.filter((e) => eventIds.has(e.id));
			const latest = [...appearances].sort(
				byDateDesc((ap) => articleDates.get(ap.article.id), (ap) => ap.article.id),
			)[0]!;
			return {
				...need(speakerLinks, s.id, 'speaker'),
				aliases: s.aliases,
				allNames: s.allNames,
				pinyin: s.romanised ? { familyFirst: s.romanised.familyFirst, givenFirst: s.romanised.givenFirst } : undefined,
				initial: s.initial,
				sortKey: s.sortKey,
				latestDescription: latest.description,
				latestRoles: latest.roles,
				appearances,
				talks,
				articles: quotedIn,
				events: attended.map((e) => need(eventLinks, e.id, 'event')),
				searchFilters: {
					kind: ['嘉宾'],
					year: [...new Set(attended.map((e) => String(e.year)))],
					event: attended.map((e) => e.shortName),
					topic: [],
					speaker: [s.name],
				},
			};
		})
		.sort((a, b) => (a.sortKey === b.sortKey ? collator.compare(a.name, b.name) : a.sortKey < b.sortKey ? -1 : 1));

	const eventsOfTopic = indexBy(events, (e) => e.topics.map((t) => t.id));
	const topics: TopicView[] = records.topics.map((t) => ({
		...need(topicLinks, t.id, 'topic'),
		description: t.description,
		articles: (articlesOfTopic.get(t.id) ?? []).map(summary),
		events: (eventsOfTopic.get(t.id) ?? []).map((e) => need(eventLinks, e.id, 'event')),
	}));

	const series: SeriesView[] = [...records.series].sort((a, b) => collator.compare(a.name, b.name)).map((s) => ({
		...need(seriesLinks, s.id, 'series'),
		description: s.description,
		firstYear: s.firstYear,
		partOf: s.partOf ? need(seriesLinks, s.partOf, 'series') : undefined,
		parts: records.series.filter((x) => x.partOf === s.id).map((x) => need(seriesLinks, x.id, 'series')),
		events: events.filter((e) => e.series.some((x) => x.id === s.id)),
	}));

	return {
		events,
		speakers,
		articles,
		articleById: new Map(articles.map((a) => [a.id, a])),
		topics,
		series,
		eventsByYear: groupBy(events, (e) => e.year).map(([year, list]) => ({ year, events: list })),
		speakersByInitial: groupBy(speakers, (s) => s.initial).map(([initial, list]) => ({ initial, speakers: list })),
	};
}

/**
 * 中国科学院院士、北京科学智能研究院院长、北京大学国际机器学习研究中心主任: each role as
 * organisation + unit + title; consecutive roles in the same unit share it (创始人、首席执行官).
 */
function describeRoles(roles: { org?: string; unit?: string; title: string }[]): string {
	const parts: string[] = [];
	let previous = '';
	for (const r of roles) {
		const where = `${r.org ?? ''}${r.unit ?? ''}`;
		parts.push(where && where === previous ? r.title : `${where}${r.title}`);
		previous = where;
	}
	return parts.join('、');
}

/** Groups an already sorted list by key, keeping the list's order. */
/** Items under each key they name (each item once per key), in their original order. */
function indexBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
	const index = new Map<string, T[]>();
	for (const item of items) {
		for (const k of new Set(keys(item))) {
			const list = index.get(k);
			if (list) list.push(item);
			else index.set(k, [item]);
		}
	}
	return index;
}

function groupBy<T, K>(items: T[], key: (item: T) => K): [K, T[]][] {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = groups.get(k);
		if (list) list.push(item);
		else groups.set(k, [item]);
	}
	return [...groups];
}
