import type { Article, Event, Organization, Person, WithContext } from 'schema-dts';
import type { ArticleView, EventView, Link, SpeakerView } from './site-model';

// JSON-LD for search engines (schema.org), built from the same view models the pages render.

const absolute = (path: string, site: URL) => new URL(path, site).href;
const personRef = (p: Link, site: URL): Person => ({ '@type': 'Person', name: p.name, url: absolute(p.url, site) });
const organization = (name: string): Organization => ({ '@type': 'Organization', name });
/** Leaves out properties with nothing in them: `author: []` says nothing, and validators flag it. */
const withoutEmpty = <T extends object>(data: T): T => Object.fromEntries(Object.entries(data).filter(([, v]) => !(Array.isArray(v) && v.length === 0))) as T;

export function eventJsonLd(e: EventView, site: URL, lang: string, onlineLabel: string): WithContext<Event> {
	const online = e.format === 'online';
	return withoutEmpty({
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: e.name,
		url: absolute(e.url, site),
		startDate: e.start.iso,
		...(e.end && { endDate: e.end.iso }),
		eventAttendanceMode: online
			? 'https://schema.org/OnlineEventAttendanceMode'
			: e.format === 'hybrid' || e.livestream
				? 'https://schema.org/MixedEventAttendanceMode'
				: 'https://schema.org/OfflineEventAttendanceMode',
		location: [
			...(e.venueText ? [{ '@type': 'Place' as const, name: e.venueText, address: e.venueText }] : []),
			...(online || e.livestream ? [{ '@type': 'VirtualLocation' as const, name: e.livestream?.platforms.join('、') || onlineLabel }] : []),
		],
		...(e.theme && { description: e.theme }),
		organizer: e.organizers.flatMap((tier) => tier.orgs.map((o) => organization(o.name))),
		performer: e.agenda.flatMap((t) => t.speakers).filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i).map((s) => personRef(s, site)),
		superEvent: e.series.map((s) => ({ '@type': 'EventSeries', name: s.name, url: absolute(s.url, site) })),
		inLanguage: lang,
	});
}

export function personJsonLd(s: SpeakerView, site: URL): WithContext<Person> {
	const affiliations = [...new Set(s.latestRoles.flatMap((r) => (r.org ? [r.org] : [])))];
	return withoutEmpty({
		'@context': 'https://schema.org',
		'@type': 'Person',
		name: s.name,
		url: absolute(s.url, site),
		alternateName: s.allNames.filter((n) => n !== s.name),
		...(affiliations.length > 0 && { affiliation: affiliations.map(organization) }),
		...(s.latestRoles.length > 0 && { jobTitle: s.latestRoles.map((r) => r.title) }),
		...(s.latestDescription && { description: s.latestDescription }),
		// Tells crawlers this 张强 from the others (schema.org's field for exactly that).
		...(s.distinction && { disambiguatingDescription: s.distinction }),
	});
}

/** NewsArticle for everything from a news outlet but interviews, which are Article. */
export function articleJsonLd(a: ArticleView, site: URL, lang: string): WithContext<Article> {
	return withoutEmpty({
		'@context': 'https://schema.org',
		'@type': a.kind === 'interview' ? 'Article' : 'NewsArticle',
		headline: a.title,
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

/** The JSON text for a `<script type="application/ld+json">`: `<` escaped so no `</script>` can end it early. */
export const jsonLdText = (data: object) => JSON.stringify(data).replace(/</g, '\\u003c');
