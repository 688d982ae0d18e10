import { collectionByKey, collectionByKind } from '../collections/registry';
import { uiFor, type Ui } from '../i18n';
import { isConvertiblePicture } from '../markdown/image-references';
import { EVENT_FORMATS, EVENT_STATUSES, MEDIA_KINDS, ORGANIZER_TIERS, toPartialDate, type EventData, type Media, type ArticleData, type ARTICLE_KINDS, type PartialDate, type SiteSettings } from '../schemas';
import { articleList, type ArticleList } from './article-pages';
import { groupBy } from './group-by';
import { byDateDesc, dateFormatter } from './dates';
import type { PageFacts } from '../search/read-built-pages';
import type { PersonFacts } from '../search/exact-index';
import type { SiteRecords } from './records';
import { INDEXED, urlsFor } from './urls';
import { namesakeDistinctions } from './namesakes';
import { scheduleDays, sessionOf, talkKey, talkSlot, timeText, type ScheduleDay } from './schedule';

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
	/** What tells them apart from a namesake (清华大学), shown after the name; only namesakes have one. */
	distinction?: string;
	/** The name as lists, titles, search results and filters show it: 张强（清华大学）, else the name. */
	label: string;
}
export interface EventLink extends Link {
	dateText: string;
}
/** What a share card (og:image) shows: drawn at build time by src/cards/render-card.ts. */
export interface ShareCard {
	/** Where the PNG is served, under the base path. */
	url: string;
	/** The site's name and the kind of page (活动, 嘉宾). */
	site: string;
	kind: string;
	/** The name, large. */
	title: string;
	/** Up to two lines under it: dates and place, titles and affiliations. */
	lines: string[];
	/** The site's tagline, at the foot. */
	footer: string;
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
/** A recording, slides or a photo as a page lists it. */
export interface MediaView {
	kind: keyof typeof MEDIA_KINDS;
	/** 录像 / 幻灯片 / 照片 */
	kindLabel: string;
	/** Where it is: the web address, or the file's URL on this site. */
	href: string;
	/** Kept in the repository and served by the site (not hotlinked). */
	local: boolean;
	/** B站, YouTube…; PDF for a file whose type its name says. */
	platform?: string;
	caption?: string;
	credit?: string;
	/** A photo kept in the repository, drawn as a picture: its path in public/, and a hash of its bytes (a replaced photo renders the page again). */
	picture?: { path: string; digest: string };
}
export interface TalkView {
	title?: string;
	roleLabel: string;
	forum?: string;
	summary?: string;
	/** Speakers with how the sources described them at this event. */
	speakers: (SpeakerLink & { description?: string })[];
	/** When, as far as the sources say (the event's time zone): YYYY-MM-DD, HH:MM. */
	day?: string;
	start?: string;
	end?: string;
	/** 09:30–10:00 */
	timeText?: string;
	/** The room of its session, where the programme gives one. */
	room?: string;
	/** Its key in calendars (day, time, first speaker: 2023-10-14T0930-john-hennessy), when its day and start are known. */
	calendarKey?: string;
	/** The talk alone as an iCalendar file, named by that key. */
	calendarUrl?: string;
	/** Its recording, slides and photos. */
	media: MediaView[];
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
	/** The venue's parts, for a postal address; venueText is how the page shows them. */
	venue?: EventData['venue'];
	venueText?: string;
	/** What the sources say became of it: their own word, else `scheduled` once a recap reports it held. */
	status?: keyof typeof EVENT_STATUSES;
	/** Shown only when a source states it (a recap's 如期举行 goes without saying). */
	statusLabel?: string;
	series: (Link & { editionText?: string })[];
	organizers: { tier: string; label: string; orgs: Link[] }[];
	theme?: string;
	forums?: { count?: number; names: string[] };
	agenda: TalkView[];
	/** The agenda by day and session, when the sources give its times, days or sessions (else the plain list). */
	schedule?: ScheduleDay<TalkView, SpeakerLink>[];
	/** IANA zone of the programme's clock times. */
	timeZone: string;
	/** The event (and its timed talks) as an iCalendar file, when its day is known. */
	calendarUrl?: string;
	/** Recordings, slides and photos of the whole event. */
	media: MediaView[];
	releases: string[];
	livestream?: { platforms: string[]; url?: string; audience?: string };
	facts: { label: string; value: string }[];
	topics: Link[];
	articles: ArticleSummary[];
	speakers: SpeakerLink[];
	searchFilters: SearchFilters;
	feedUrl: string;
	card: ShareCard;
	/** The event's articles as BibTeX, when it has any. */
	bibUrl?: string;
}
export interface SpeakerView extends SpeakerLink {
	/** Other people of the same name (另有同名嘉宾). */
	namesakes: SpeakerLink[];
	aliases: string[];
	allNames: string[];
	/** E Weinan / Weinan E, for Chinese names. */
	pinyin?: { familyFirst: string; givenFirst: string };
	/** What pinyin and initials search knows of a Chinese name (people.json). */
	person?: PersonFacts;
	initial: string;
	sortKey: string;
	/** Titles and affiliations from the most recent source, composed from its roles, for lists. */
	latestDescription: string;
	/** The same, as roles: job titles with their organisations (structured data). */
	latestRoles: { title: string; org?: string }[];
	appearances: { asGiven: string; description: string; article: Link; event?: EventLink; orgIds: string[] }[];
	talks: (TalkView & { event: EventLink })[];
	/** Their timed talks as an iCalendar file, when they have any. */
	calendarUrl?: string;
	articles: (ArticleSummary & { asLabel: string })[];
	events: EventLink[];
	searchFilters: SearchFilters;
	feedUrl: string;
	card: ShareCard;
}
export interface ArticleView extends ArticleSummary {
	kind: keyof typeof ARTICLE_KINDS;
	outlet?: string;
	column?: string;
	sourceUrl?: string;
	/** Newspaper, magazine, website…: the citation's type. */
	medium?: ArticleData['source']['medium'];
	/** 版次 or page in print. */
	sourcePage?: string;
	/** When the original URL was looked at (GB/T 7714's 引用日期). */
	accessed?: PartialDate;
	sourceNote?: string;
	bylines: { role?: string; name: string }[];
	dateNote?: string;
	seed: string;
	people: (SpeakerLink & { asLabel: string })[];
	topics: Link[];
	photoCredits: string[];
	searchFilters: SearchFilters;
	/** Its share image: its own first image in the repository, else its first event's card, else the site's. */
	image: string;
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
export interface OrganizationView extends Link {
	originalName?: string;
	aliases: string[];
	/** Events it took part in, by tier (指导, 主办…), newest first. */
	tiers: { tier: string; label: string; events: EventLink[] }[];
	/** Events it took part in at any tier. */
	eventCount: number;
	/** People whom a source described with a role in it, with that description. */
	people: (SpeakerLink & { description: string })[];
}
/** What every page's header, footer and <head> show: from content/site.yaml. */
export interface Chrome {
	title: string;
	tagline: string;
	description: string;
	lang: string;
	footer?: string;
	home: string;
	search: string;
	siteFeed: string;
	sitemap: string;
	favicon: string;
	logo?: string;
	nav: { label: string; url: string }[];
	/** The index pages readers can browse, by kind (`event`): breadcrumbs, the 404 page. */
	indexes: Record<string, { label: string; url: string }>;
	/** The site's own share card: every page without one of its own. */
	card: ShareCard;
}
/** A page the search indexes, as the model knows it (kind as readers see it, names, facets); the indexer adds the text the built page shows. */
export type SearchEntry = PageFacts & { filters: SearchFilters };
export interface SiteModel {
	settings: SiteSettings;
	chrome: Chrome;
	organizations: OrganizationView[];
	/** Every searchable page: events, speakers, articles. */
	searchEntries: SearchEntry[];
	events: EventView[];
	speakers: SpeakerView[];
	articles: ArticleView[];
	/** The article list: its newest articles, and every article on a page of its year (./article-pages.ts). */
	articleList: ArticleList;
	/** The site feed's articles (rss.xml): the newest `feedSize`. */
	feedArticles: ArticleSummary[];
	/** Published articles by id, for pages that list summaries but need the whole view (citations). */
	articleById: Map<string, ArticleView>;
	/** Retired addresses of merged people (a speaker's formerIds): each is a page that sends readers on. */
	movedSpeakers: { id: string; to: SpeakerView }[];
	/** Every share card to draw, by the route's params (`/cards/<kind>/<id>.png`). */
	cards: { kind: string; id: string; card: ShareCard }[];
	topics: TopicView[];
	series: SeriesView[];
	/** Events grouped by year, newest year first. */
	eventsByYear: { year: number; events: EventView[] }[];
	/** Speakers grouped by the initial of their pinyin, A–Z. */
	speakersByInitial: { initial: string; speakers: SpeakerView[] }[];
}

/**
 * Builds every view the pages render, once. References are assumed checked (the validator's
 * cross-file rules); a missing id here is a programming error and throws. `base` is the site's
 * base path: every URL in the model is under it.
 */
export function buildSiteModel(
	records: SiteRecords,
	{ base = '/', pictureDigest = () => '' }: { base?: string; /** A hash of a picture in public/ (src/lib/pictures.ts reads the files; tests need not). */ pictureDigest?: (path: string) => string } = {},
): SiteModel {
	const ui: Ui = uiFor(records.settings.lang);
	const urls = urlsFor(base);
	const collator = new Intl.Collator(ui.lang);
	const { formatDate, formatDateRange } = dateFormatter(ui);
	const label = (kind: string) => (ui.collections as Record<string, { label: string }>)[kind]!.label;
	const published = records.articles.filter((a) => !a.draft);
	// A person is published once one of their sources is; appearances citing a draft wait for it.
	const publishedSpeakers = records.speakers.filter((s) => !s.draft);
	const draftArticles = new Set(records.articles.filter((a) => a.draft).map((a) => a.id));
	const need = <T>(map: Map<string, T>, id: string, what: string): T => {
		const v = map.get(id);
		if (!v) throw new Error(`unresolved ${what} reference: ${id}`);
		return v;
	};
	const orgs = new Map<string, Link>(records.organizations.map((o) => [o.id, { id: o.id, url: urls.organization(o.id), name: o.name }]));
	const topicLinks = new Map(records.topics.map((t) => [t.id, { id: t.id, url: urls.topic(t.id), name: t.name }]));
	const seriesLinks = new Map(records.series.map((s) => [s.id, { id: s.id, url: urls.series(s.id), name: s.name }]));
	const namesakes = namesakeDistinctions(records);
	const speakerLinks = new Map<string, SpeakerLink>(
		records.speakers.map((s) => {
			const distinction = namesakes.get(s.id)?.distinction;
			return [s.id, { id: s.id, url: urls.speaker(s.id), name: s.name, originalName: s.originalName, originalLang: s.originalLang, distinction, label: distinction ? ui.speaker.namesakeLabel(s.name, distinction) : s.name }];
		}),
	);
	const eventLinks = new Map<string, EventLink>(
		records.events.map((e) => [e.id, { id: e.id, url: urls.event(e.id), name: e.name, dateText: formatDateRange(e.start, e.end) }]),
	);
	const articleLinks = new Map(records.articles.map((a) => [a.id, { id: a.id, url: urls.article(a.id), name: a.title }]));
	const articleDates = new Map(records.articles.map((a) => [a.id, a.date]));
	// Search facets name events by their short names: full official names are too long for a filter list.
	const shortNames = new Map(records.events.map((e) => [e.id, e.shortName]));

	// Share cards: what each one shows comes from the same views the pages render.
	const shareCard = (kind: string, id: string, title: string, lines: (string | undefined)[]): ShareCard => ({
		url: urls.card(kind, id),
		site: records.settings.title,
		kind: kind === 'site' ? '' : label(kind),
		title,
		lines: lines.filter((l): l is string => Boolean(l)),
		footer: records.settings.tagline,
	});
	const siteCard = shareCard('site', 'home', records.settings.title, [records.settings.description]);
	// Social sites show JPEG, PNG, WebP and GIF, not SVG: an article's own first such picture.
	const sharedPicture = (images: string[]) => {
		const own = images.find((src) => /\.(jpe?g|png|webp|gif)$/i.test(src));
		return own && urls.at(encodeURI(own));
	};

	const describe = (roles: SiteRecords['speakers'][number]['appearances'][number]['roles']) =>
		describeRoles(roles.map((r) => ({ ...r, org: r.org ? need(orgs, r.org, 'organization').name : undefined })), ui.list.separator);
	const descriptionAt = new Map(
		publishedSpeakers.flatMap((s) => s.appearances.flatMap((ap) => (ap.event && !draftArticles.has(ap.article) ? [[`${s.id}@${ap.event}`, describe(ap.roles)] as const] : []))),
	);
	const mediaView = (m: Media): MediaView => ({
		kind: m.kind,
		kindLabel: ui.vocab.mediaKinds[m.kind],
		href: m.file ? urls.at(m.file) : m.url!,
		local: m.file !== undefined,
		platform: m.platform ?? (m.file && /\.pdf$/i.test(m.file) ? 'PDF' : undefined),
		caption: m.caption,
		credit: m.credit,
		...(m.kind === 'photo' && m.file && isConvertiblePicture(m.file) ? { picture: { path: m.file, digest: pictureDigest(m.file) } } : {}),
	});
	const eventRecords = new Map(records.events.map((e) => [e.id, e]));
	const talkView = (eventId: string, t: SiteRecords['events'][number]['agenda'][number]): TalkView => {
		const event = eventRecords.get(eventId)!;
		const slot = talkSlot(event, t);
		const calendarKey = slot.day && slot.start ? talkKey(slot.day, slot.start, t.speakers) : undefined;
		return {
			title: t.title,
			roleLabel: ui.vocab.talkRoles[t.role],
			forum: t.forum,
			summary: t.summary,
			speakers: t.speakers.map((id) => ({ ...need(speakerLinks, id, 'speaker'), description: descriptionAt.get(`${id}@${eventId}`) })),
			...slot,
			timeText: timeText(slot.start, slot.end),
			room: sessionOf(event, t)?.venue,
			calendarKey,
			calendarUrl: calendarKey && urls.talkCalendar(eventId, calendarKey),
			media: t.media.map(mediaView),
		};
	};

	const articles: ArticleView[] = published
		.map((a) => ({
			id: a.id,
			url: urls.article(a.id),
			title: a.title,
			subtitle: a.subtitle,
			kind: a.kind,
			kindLabel: ui.vocab.articleKinds[a.kind],
			sourceText: [a.source.outlet, a.source.column].filter(Boolean).join(ui.list.dot) || undefined,
			outlet: a.source.outlet,
			column: a.source.column,
			sourceUrl: a.source.url,
			medium: a.source.medium,
			sourcePage: a.source.page,
			accessed: a.source.accessed,
			sourceNote: a.source.note,
			date: a.date,
			dateText: a.date ? formatDate(a.date) : undefined,
			dateNote: a.dateNote,
			bylines: a.bylines,
			seed: a.seed,
			events: a.events.map((id) => need(eventLinks, id, 'event')),
			people: a.people.map((p) => ({ ...need(speakerLinks, p.speaker, 'speaker'), asLabel: ui.vocab.mentionRoles[p.as] })),
			topics: a.topics.map((id) => need(topicLinks, id, 'topic')),
			photoCredits: a.photoCredits,
			image: sharedPicture(a.images) ?? (a.events[0] ? urls.card('event', a.events[0]) : siteCard.url),
			searchFilters: {
				kind: [label('article')],
				year: a.date ? [String(a.date.year)] : [],
				event: a.events.map((id) => need(shortNames, id, 'event')),
				topic: a.topics.map((id) => need(topicLinks, id, 'topic').name),
				speaker: a.people.map((p) => need(speakerLinks, p.speaker, 'speaker').label),
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
	const speakersAt = indexBy(publishedSpeakers, (s) => s.appearances.flatMap((ap) => (ap.event && !draftArticles.has(ap.article) ? [ap.event] : [])));
	// Who chaired a session was at the event, as its speakers were.
	const chairedBy = indexBy(records.events, (e) => [...new Set(e.sessions.flatMap((session) => session.chairs))]);
	const talksOf = indexBy(
		records.events.flatMap((e) => e.agenda.map((talk) => ({ event: e.id, talk }))),
		({ talk }) => talk.speakers,
	);

	const events: EventView[] = records.events
		.map((e) => {
			const agenda = e.agenda.map((t) => talkView(e.id, t));
			const venueText = [e.venue?.country, e.venue?.region, e.venue?.city, e.venue?.name].filter(Boolean).join(ui.list.dot) || undefined;
			const speakerIds = new Set([
				...e.agenda.flatMap((t) => t.speakers),
				...e.sessions.flatMap((session) => session.chairs),
				...(speakersAt.get(e.id) ?? []).map((s) => s.id),
			]);
			return {
				...need(eventLinks, e.id, 'event'),
				shortName: e.shortName,
				kindLabel: ui.vocab.eventKinds[e.kind],
				start: e.start,
				end: e.end,
				dateNote: e.dateNote,
				year: e.start.year,
				format: e.format,
				formatLabel: e.format ? ui.vocab.eventFormats[e.format] : undefined,
				venue: e.venue,
				venueText,
				status: e.status ?? ((articlesOfEvent.get(e.id) ?? []).some((a) => a.kind === 'recap') ? 'scheduled' : undefined),
				statusLabel: e.status && ui.vocab.eventStatuses[e.status],
				series: e.series.map((s) => ({
					...need(seriesLinks, s.series, 'series'),
					editionText: s.edition ? ui.event.edition(s.edition) : undefined,
				})),
				organizers: (Object.keys(ORGANIZER_TIERS) as (keyof typeof ORGANIZER_TIERS)[])
					.map((tier) => ({
						tier,
						label: ui.vocab.organizerTiers[tier],
						orgs: e.organizers.filter((o) => o.tier === tier).map((o) => need(orgs, o.org, 'organization')),
					}))
					.filter((t) => t.orgs.length > 0),
				theme: e.theme,
				forums: e.forums,
				agenda,
				schedule: scheduleDays(e, agenda, (session) => ({
					id: session.id,
					title: session.title,
					timeText: timeText(session.start, session.end),
					venue: session.venue,
					chairs: session.chairs.map((id) => need(speakerLinks, id, 'speaker')),
				}), (day) => formatDate(toPartialDate(day)!)),
				timeZone: e.timeZone,
				media: e.media.map(mediaView),
				calendarUrl: e.start.precision === 'day' || agenda.some((t) => t.calendarUrl) ? urls.eventCalendar(e.id) : undefined,
				releases: e.releases,
				livestream: e.livestream,
				facts: e.facts,
				topics: e.topics.map((id) => need(topicLinks, id, 'topic')),
				articles: (articlesOfEvent.get(e.id) ?? []).map(summary),
				speakers: [...speakerIds].map((id) => need(speakerLinks, id, 'speaker')).sort((a, b) => collator.compare(a.name, b.name)),
				searchFilters: {
					kind: [label('event')],
					year: [String(e.start.year)],
					event: [e.shortName],
					topic: e.topics.map((id) => need(topicLinks, id, 'topic').name),
					speaker: [...speakerIds].map((id) => need(speakerLinks, id, 'speaker').label),
				},
				feedUrl: urls.eventFeed(e.id),
				// The short name fits the card; the full official name (often three lines long) goes under the date.
				card: shareCard('event', e.id, e.shortName, [[formatDateRange(e.start, e.end), venueText].filter(Boolean).join(ui.list.dot), e.name !== e.shortName ? e.name : e.theme]),
				bibUrl: articlesOfEvent.has(e.id) ? urls.eventBib(e.id) : undefined,
			};
		})
		.sort(byDateDesc((e) => e.start, (e) => e.id));

	// Each speaker's events in the order of `events`, without a pass over every event per speaker
	// (20,000 speakers × 2,000 events at 100,000 articles: ~1.5 s of the model's ~5 s).
	const eventAt = new Map(events.map((event, at) => [event.id, { event, at }]));
	const speakers: SpeakerView[] = publishedSpeakers
		.map((s) => {
			const appearances = s.appearances.filter((ap) => !draftArticles.has(ap.article)).map((ap) => ({
				roles: ap.roles.map((r) => ({ title: r.title, org: r.org ? need(orgs, r.org, 'organization').name : undefined })),
				orgIds: ap.roles.flatMap((r) => (r.org ? [r.org] : [])),
				asGiven: ap.asGiven,
				description: describe(ap.roles),
				article: need(articleLinks, ap.article, 'article'),
				event: ap.event ? need(eventLinks, ap.event, 'event') : undefined,
			}));
			const talks = (talksOf.get(s.id) ?? []).map(({ event, talk }) => ({ ...talkView(event, talk), event: need(eventLinks, event, 'event') }));
			const quotedIn = (articlesOfSpeaker.get(s.id) ?? []).map((a) => ({ ...summary(a), asLabel: a.people.find((p) => p.id === s.id)!.asLabel }));
			const eventIds = new Set([...talks.map((t) => t.event.id), ...(chairedBy.get(s.id) ?? []).map((e) => e.id), ...appearances.flatMap((ap) => (ap.event ? [ap.event.id] : []))]);
			const attended = [...eventIds].flatMap((id) => eventAt.get(id) ?? []).sort((a, b) => a.at - b.at).map((e) => e.event);
			const latest = [...appearances].sort(
				byDateDesc((ap) => articleDates.get(ap.article.id), (ap) => ap.article.id),
			)[0]!;
			return {
				...need(speakerLinks, s.id, 'speaker'),
				namesakes: (namesakes.get(s.id)?.namesakes ?? []).map((id) => need(speakerLinks, id, 'speaker')),
				aliases: s.aliases,
				allNames: s.allNames,
				pinyin: s.romanised ? { familyFirst: s.romanised.familyFirst, givenFirst: s.romanised.givenFirst } : undefined,
				// Ranked, among people whose names a pinyin query spells alike, by how many pages are about them.
				person: s.romanised && {
					syllables: s.romanised.syllables,
					family: s.romanised.familySyllables,
					weight: new Set([...appearances.map((ap) => ap.article.id), ...quotedIn.map((a) => a.id)]).size + talks.length,
				},
				initial: s.initial,
				sortKey: s.sortKey,
				latestDescription: latest.description,
				latestRoles: latest.roles,
				appearances,
				talks,
				calendarUrl: talks.some((t) => t.calendarUrl) ? urls.speakerCalendar(s.id) : undefined,
				articles: quotedIn,
				events: attended.map((e) => need(eventLinks, e.id, 'event')),
				searchFilters: {
					kind: [label('speaker')],
					year: [...new Set(attended.map((e) => String(e.year)))],
					event: attended.map((e) => e.shortName),
					topic: [],
					speaker: [need(speakerLinks, s.id, 'speaker').label],
				},
				feedUrl: urls.speakerFeed(s.id),
				card: shareCard('speaker', s.id, need(speakerLinks, s.id, 'speaker').label, [s.originalName ?? s.romanised?.givenFirst, latest.description]),
			};
		})
		.sort((a, b) => (a.sortKey === b.sortKey ? collator.compare(a.label, b.label) : a.sortKey < b.sortKey ? -1 : 1));

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

	const organizations = organizationViews();
	function organizationViews(): OrganizationView[] {
		const eventsOf = indexBy(events, (e) => e.organizers.flatMap((t) => t.orgs.map((o) => o.id)));
		const peopleOf = new Map<string, Map<string, SpeakerLink & { description: string }>>();
		for (const s of speakers) {
			for (const ap of s.appearances) {
				for (const org of new Set(ap.orgIds)) {
					const people = peopleOf.get(org) ?? peopleOf.set(org, new Map()).get(org)!;
					// Described as the first source that names a role there says.
					if (!people.has(s.id)) people.set(s.id, { ...need(speakerLinks, s.id, 'speaker'), description: ap.description });
				}
			}
		}
		return [...records.organizations]
			.sort((a, b) => collator.compare(a.name, b.name))
			.map((o) => {
				const taking = eventsOf.get(o.id) ?? [];
				return {
					id: o.id,
					url: urls.organization(o.id),
					name: o.name,
					originalName: o.originalName,
					aliases: o.aliases,
					tiers: (Object.keys(ORGANIZER_TIERS) as (keyof typeof ORGANIZER_TIERS)[])
						.map((tier) => ({
							tier,
							label: ui.vocab.organizerTiers[tier],
							events: taking.filter((e) => e.organizers.some((t) => t.tier === tier && t.orgs.some((x) => x.id === o.id))).map((e) => need(eventLinks, e.id, 'event')),
						}))
						.filter((t) => t.events.length > 0),
					eventCount: taking.length,
					people: [...(peopleOf.get(o.id)?.values() ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
				};
			});
	}

	const settings = records.settings;
	const navLabel = (key: string) => label(collectionByKey.get(key)!.kind);
	const indexes = Object.fromEntries(INDEXED.map((c) => [c.kind, { label: label(c.kind), url: urls.index(c) }]));
	const chrome: Chrome = {
		title: settings.title,
		tagline: settings.tagline,
		description: settings.description,
		lang: settings.lang,
		footer: settings.footer,
		home: urls.home(),
		search: urls.search(),
		siteFeed: urls.siteFeed(),
		sitemap: urls.sitemap(),
		favicon: urls.at(settings.favicon),
		logo: settings.logo && urls.at(settings.logo),
		nav: settings.nav.map((item) =>
			typeof item === 'string' ? { label: navLabel(item), url: urls.index(collectionByKey.get(item)!) } : { label: item.label, url: /^[a-z]+:/i.test(item.url) ? item.url : urls.at(item.url) },
		),
		indexes,
		card: siteCard,
	};
	const rankOwnNames = (kind: string) => Boolean((collectionByKind.get(kind) as { ownNamesRankFirst?: boolean }).ownNamesRankFirst);
	const listedEntry = (kind: string, url: string, title: string, names: string[]): SearchEntry => ({
		url,
		title,
		kind: label(kind),
		ownNames: rankOwnNames(kind),
		names,
		filters: { kind: [label(kind)], year: [], event: [], topic: kind === 'topic' ? [names[0]!] : [], speaker: [] },
	});
	const searchEntries: SearchEntry[] = [
		...events.map((e) => ({ url: e.url, title: e.name, kind: label('event'), ownNames: rankOwnNames('event'), date: e.start.iso, event: e.shortName, names: [], filters: e.searchFilters })),
		...speakers.map((s) => ({ url: s.url, title: s.label, kind: label('speaker'), ownNames: rankOwnNames('speaker'), names: s.allNames, filters: s.searchFilters, ...(s.person && { person: s.person }) })),
		...articles.map((a) => ({ url: a.url, title: a.title, kind: label('article'), ownNames: rankOwnNames('article'), date: a.date?.iso, event: a.searchFilters.event[0], names: [], filters: a.searchFilters })),
		// Topics, series and organisations are found by their names and descriptions (their pages index those alone, not their lists).
		...topics.map((t) => listedEntry('topic', t.url, ui.topic.title(t.name), [t.name])),
		...series.map((s) => listedEntry('series', s.url, s.name, [s.name])),
		...organizations.map((o) => listedEntry('organization', o.url, o.name, [o.name, ...(o.originalName ? [o.originalName] : []), ...o.aliases])),
	];

	// The article list's and the feed's summaries, newest first.
	const summaries = articles.map(summary);
	return {
		settings,
		chrome,
		organizations,
		searchEntries,
		events,
		speakers,
		articles,
		articleList: articleList(summaries, settings.articlesPerPage, urls.articleYear, { year: ui.dates.year, undated: ui.articleList.undated }),
		feedArticles: summaries.slice(0, settings.feedSize),
		articleById: new Map(articles.map((a) => [a.id, a])),
		movedSpeakers: movedSpeakers(publishedSpeakers, speakers),
		cards: [
			{ kind: 'site', id: 'home', card: siteCard },
			...events.map((e) => ({ kind: 'event', id: e.id, card: e.card })),
			...speakers.map((s) => ({ kind: 'speaker', id: s.id, card: s.card })),
		],
		topics,
		series,
		eventsByYear: groupBy(events, (e) => e.year).map(([year, list]) => ({ year, events: list })),
		speakersByInitial: groupBy(speakers, (s) => s.initial).map(([initial, list]) => ({ initial, speakers: list })),
	};
}

/** Each former id of a published speaker, with the view of the person it became (one lookup each). */
function movedSpeakers(records: { id: string; formerIds: string[] }[], views: SpeakerView[]): { id: string; to: SpeakerView }[] {
	const byId = new Map(views.map((v) => [v.id, v]));
	return records.flatMap((s) => s.formerIds.map((id) => ({ id, to: byId.get(s.id)! })));
}

/**
 * 中国科学院院士、北京科学智能研究院院长、北京大学国际机器学习研究中心主任: each role as
 * organisation + unit + title; consecutive roles in the same unit share it (创始人、首席执行官).
 */
function describeRoles(roles: { org?: string; unit?: string; title: string }[], separator: string): string {
	const parts: string[] = [];
	let previous = '';
	for (const r of roles) {
		const where = `${r.org ?? ''}${r.unit ?? ''}`;
		parts.push(where && where === previous ? r.title : `${where}${r.title}`);
		previous = where;
	}
	return parts.join(separator);
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

