import type { Article, CollectionPage, CreativeWork, EventStatusType, Event, Organization, Person, Place, ProfilePage, VirtualLocation, WebSite, WithContext } from 'schema-dts';
import { zonedDateTime } from './schedule';
import type { ArticleView, EventView, Link, MediaView, OrganizationView, SpeakerView } from './site-model';

// JSON-LD for search engines (schema.org), built from the same view models the pages render.

const absolute = (path: string, site: URL) => new URL(path, site).href;
const personRef = (p: Link, site: URL): Person => ({ '@type': 'Person', name: p.name, url: absolute(p.url, site) });
const organization = (name: string): Organization => ({ '@type': 'Organization', name });
/** Leaves out properties with nothing in them: `author: []` says nothing, and validators flag it. */
const withoutEmpty = <T extends object>(data: T): T => Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;

/** schema.org's words for what became of an event, by our status keys. */
const EVENT_STATUS: Record<NonNullable<EventView['status']>, EventStatusType> = {
	scheduled: 'https://schema.org/EventScheduled',
	cancelled: 'https://schema.org/EventCancelled',
	postponed: 'https://schema.org/EventPostponed',
	rescheduled: 'https://schema.org/EventRescheduled',
	'moved-online': 'https://schema.org/EventMovedOnline',
};
const ATTENDANCE = {
	'in-person': 'https://schema.org/OfflineEventAttendanceMode',
	online: 'https://schema.org/OnlineEventAttendanceMode',
	hybrid: 'https://schema.org/MixedEventAttendanceMode',
} as const;

/**
 * Where an event took place, as Google's event results require it: a Place only with a postal address
 * (city, region or country), a VirtualLocation only with the address of the stream. What the sources
 * do not give is left out rather than filled with the display text: a Place whose address is
 * "上海 · 张江科学城" or a stream with no address is an error to Google, not a location.
 */
function eventLocations(e: EventView): (Place | VirtualLocation)[] {
	const v = e.venue;
	const address = v && (v.city || v.region || v.country)
		? withoutEmpty({ '@type': 'PostalAddress' as const, addressLocality: v.city, addressRegion: v.region, addressCountry: v.country })
		: undefined;
	return [
		...(address ? [{ '@type': 'Place' as const, name: v?.name ?? e.venueText, address }] : []),
		...(e.livestream?.url ? [{ '@type': 'VirtualLocation' as const, url: e.livestream.url, ...(e.livestream.platforms.length > 0 && { name: e.livestream.platforms.join('、') }) }] : []),
	];
}

/**
 * Dates keep the precision the sources give: `2024`, `2024-10` or `2024-10-22` (ISO 8601's reduced
 * forms, which schema.org's Date allows). Google lists only events with a day; the others stay
 * described for everyone else rather than given an invented day.
 */
export function eventJsonLd(e: EventView, site: URL, lang: string, description: string): WithContext<Event> {
	return withoutEmpty({
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: e.name,
		url: absolute(e.url, site),
		startDate: e.start.iso,
		...(e.end && { endDate: e.end.iso }),
		// Only from what a source says of the format: a livestream alone does not tell whether anyone was in the room.
		...(e.format && { eventAttendanceMode: ATTENDANCE[e.format] }),
		...(e.status && { eventStatus: EVENT_STATUS[e.status] }),
		location: eventLocations(e),
		image: absolute(e.card.url, site),
		description: e.theme ?? description,
		organizer: e.organizers.flatMap((tier) => tier.orgs.map((o) => organization(o.name))),
		performer: e.agenda.flatMap((t) => t.speakers).filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i).map((s) => personRef(s, site)),
		superEvent: e.series.map((s) => ({ '@type': 'EventSeries', name: s.name, url: absolute(s.url, site) })),
		subEvent: talkEvents(e, site),
		...eventMedia([...e.media, ...e.agenda.flatMap((t) => t.media)], e.name, site),
		inLanguage: lang,
	});
}

/**
 * Each talk whose day and start the programme gives, as an Event of its own: its instants with the
 * zone's offset, its speakers, its room. Untimed talks are left out rather than given the event's dates.
 */
function talkEvents(e: EventView, site: URL): Event[] {
	return e.agenda.flatMap((t) =>
		t.day && t.start
			? [
					withoutEmpty({
						'@type': 'Event',
						name: t.title ?? `${t.roleLabel}：${t.speakers.map((s) => s.name).join('、')}`,
						startDate: zonedDateTime(t.day, t.start, e.timeZone),
						...(t.end && { endDate: zonedDateTime(t.day, t.end, e.timeZone) }),
						...(t.room && { location: { '@type': 'Place', name: t.room } as Place }),
						performer: t.speakers.map((s) => personRef(s, site)),
					}) as Event,
				]
			: [],
	);
}

/**
 * The event's media as schema.org relates them: recordings are what it was `recordedIn`, slides a
 * `workFeatured` (PresentationDigitalDocument), photos `subjectOf` it (ImageObject). Recordings are
 * CreativeWork, not VideoObject: Google requires a VideoObject's thumbnail and upload date, which
 * the sources do not give, and an incomplete one is an error in its video report.
 */
function eventMedia(media: MediaView[], eventName: string, site: URL): Pick<Event, 'recordedIn' | 'workFeatured' | 'subjectOf'> {
	const work = (m: MediaView, type: 'CreativeWork' | 'PresentationDigitalDocument' | 'ImageObject'): CreativeWork =>
		withoutEmpty({
			'@type': type,
			name: m.caption ?? `${eventName}${m.kindLabel}`,
			url: absolute(m.href, site),
			...(type === 'ImageObject' && { contentUrl: absolute(m.href, site) }),
			...(m.credit && { creditText: m.credit }),
			...(m.platform && m.kind === 'recording' && { publisher: organization(m.platform) }),
		}) as CreativeWork;
	const of = (kind: MediaView['kind']) => media.filter((m) => m.kind === kind);
	return {
		recordedIn: of('recording').map((m) => work(m, 'CreativeWork')),
		workFeatured: of('slides').map((m) => work(m, 'PresentationDigitalDocument')),
		subjectOf: of('photo').map((m) => work(m, 'ImageObject')),
	};
}

/** A speaker's page as Google documents profile pages: a ProfilePage whose main entity is the Person. */
export function personJsonLd(s: SpeakerView, site: URL): WithContext<ProfilePage> {
	const affiliations = [...new Set(s.latestRoles.flatMap((r) => (r.org ? [r.org] : [])))];
	return {
		'@context': 'https://schema.org',
		'@type': 'ProfilePage',
		url: absolute(s.url, site),
		mainEntity: withoutEmpty<Exclude<Person, string>>({
			'@type': 'Person',
			name: s.name,
			url: absolute(s.url, site),
			image: absolute(s.card.url, site),
			alternateName: s.allNames.filter((n) => n !== s.name),
			affiliation: affiliations.map(organization),
			jobTitle: s.latestRoles.map((r) => r.title),
			description: s.latestDescription || undefined,
			// Tells crawlers this 张强 from the others (schema.org's field for exactly that).
			disambiguatingDescription: s.distinction,
		}),
	};
}

/** An organisation's page: a ProfilePage about the Organization, with the names the sources use. */
export function organizationJsonLd(o: OrganizationView, site: URL): WithContext<ProfilePage> {
	return {
		'@context': 'https://schema.org',
		'@type': 'ProfilePage',
		url: absolute(o.url, site),
		mainEntity: withoutEmpty<Exclude<Organization, string>>({ '@type': 'Organization', name: o.name, url: absolute(o.url, site), alternateName: [...(o.originalName ? [o.originalName] : []), ...o.aliases] }),
	};
}

/** NewsArticle for everything from a news outlet but interviews, which are Article. */
export function articleJsonLd(a: ArticleView, site: URL, lang: string): WithContext<Article> {
	return withoutEmpty({
		'@context': 'https://schema.org',
		'@type': a.kind === 'interview' ? 'Article' : 'NewsArticle',
		headline: a.title,
		image: absolute(a.image, site),
		...(a.subtitle && { alternativeHeadline: a.subtitle }),
		url: absolute(a.url, site),
		mainEntityOfPage: absolute(a.url, site),
		...(a.date && { datePublished: a.date.iso }),
		author: a.bylines.length > 0 ? a.bylines.map((b) => ({ '@type': 'Person' as const, name: b.name })) : a.outlet ? [organization(a.outlet)] : [],
		...(a.outlet && { publisher: organization(a.outlet) }),
		about: a.events.map((e) => ({ '@type': 'Event', name: e.name, url: absolute(e.url, site) })),
		mentions: a.people.map((p) => personRef(p, site)),
		// The original publication this page reproduces, as a reader could look it up (not our seed file:
		// a path in the repository is no source anyone can follow).
		isBasedOn: {
			'@type': 'CreativeWork',
			name: a.title,
			...(a.outlet && { publisher: organization(a.outlet) }),
			...(a.date && { datePublished: a.date.iso }),
			...(a.sourceUrl && { url: a.sourceUrl }),
		},
		keywords: a.topics.map((t) => t.name),
		inLanguage: lang,
	});
}

/** The home page: the site, and how to search it (a SearchAction on the search page's `q`). */
export function websiteJsonLd(name: string, description: string, home: string, search: string, site: URL, lang: string): WithContext<WebSite> {
	const target = new URL(search, site);
	target.searchParams.set('q', '{search_term_string}');
	return {
		'@context': 'https://schema.org',
		'@type': 'WebSite',
		name,
		description,
		url: absolute(home, site),
		inLanguage: lang,
		potentialAction: {
			'@type': 'SearchAction',
			// The braces must stay literal: crawlers substitute the query there.
			target: { '@type': 'EntryPoint', urlTemplate: target.href.replace(encodeURIComponent('{search_term_string}'), '{search_term_string}') },
			'query-input': 'required name=search_term_string',
		},
	} as WithContext<WebSite>;
}

/**
 * A list page (an index, a topic, a series, an organisation): the pages it lists, in its order, as an
 * ItemList of addresses only (Google's documented summary-page form), so that a 10,000-article index
 * carries ~60 bytes per entry rather than a second copy of each entry.
 */
export function collectionJsonLd(name: string, description: string | undefined, url: string, items: { url: string }[], site: URL, lang: string): WithContext<CollectionPage> {
	return withoutEmpty({
		'@context': 'https://schema.org',
		'@type': 'CollectionPage',
		name,
		description,
		url: absolute(url, site),
		inLanguage: lang,
		mainEntity: {
			'@type': 'ItemList',
			numberOfItems: items.length,
			itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, url: absolute(item.url, site) })),
		},
	}) as WithContext<CollectionPage>;
}

/** The JSON text for a `<script type="application/ld+json">`: `<` escaped so no `</script>` can end it early. */
export const jsonLdText = (data: object) => JSON.stringify(data).replace(/</g, '\\u003c');
