import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { BuiltSite, Finding } from './built-site';

// Google's documented rules for the structured data our pages carry, as assertions:
//   Event:        developers.google.com/search/docs/appearance/structured-data/event
//   Article:      developers.google.com/search/docs/appearance/structured-data/article
//   ProfilePage:  developers.google.com/search/docs/appearance/structured-data/profile-page
// Required properties are findings wherever they are missing. An event the sources give no day or no
// address for cannot be one of Google's event results at all; that is reported as a note with what
// an editor could add, not as a finding, since inventing a day or an address is what must never happen.

type Json = Record<string, unknown>;
const CHECK = 'Google structured data';
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const many = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const httpUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);
/** ISO 8601 as Google reads it: a real date at any precision (2024, 2024-10, 2024-10-22), or a date-time. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;
function isIsoDate(value: unknown): boolean {
	const m = ISO_DATE.exec(String(value));
	if (!m) return false;
	const [y, mo = 1, d = 1] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
const DAY = /^\d{4}-\d{2}-\d{2}/;
const ADDRESS_PARTS = ['streetAddress', 'addressLocality', 'addressRegion', 'postalCode', 'addressCountry'];
const STATUSES = ['EventScheduled', 'EventCancelled', 'EventPostponed', 'EventRescheduled', 'EventMovedOnline'].map((s) => `https://schema.org/${s}`);
const MODES = { offline: 'https://schema.org/OfflineEventAttendanceMode', online: 'https://schema.org/OnlineEventAttendanceMode', mixed: 'https://schema.org/MixedEventAttendanceMode' };

export interface GoogleReport {
	findings: Finding[];
	/** Event pages Google could list, and those it cannot with the reason. */
	events: { eligible: string[]; notEligible: { page: string; reason: string }[] };
}

function checkEvent(data: Json, add: (m: string) => void): string | undefined {
	if (!text(data.name)) add('Event: required name is missing');
	if (!text(data.startDate)) add('Event: required startDate is missing');
	for (const key of ['startDate', 'endDate']) if (data[key] !== undefined && !isIsoDate(data[key])) add(`Event: ${key} “${String(data[key])}” is not ISO 8601`);
	const [start, end] = [String(data.startDate ?? ''), String(data.endDate ?? '')];
	const n = Math.min(start.length, end.length);
	if (end && end.slice(0, n) < start.slice(0, n)) add('Event: endDate is before startDate');
	const locations = many(data.location);
	for (const l of locations) {
		if (!isObject(l)) add('Event: location must be a Place or VirtualLocation object');
		else if (l['@type'] === 'Place') {
			const a = l.address;
			if (!isObject(a) || a['@type'] !== 'PostalAddress') add('Event: Place.address must be a PostalAddress');
			else if (!ADDRESS_PARTS.some((k) => text(a[k]))) add(`Event: PostalAddress has none of ${ADDRESS_PARTS.join(', ')}`);
		} else if (l['@type'] === 'VirtualLocation') {
			if (!httpUrl(l.url)) add('Event: VirtualLocation.url is required');
		} else add(`Event: location of type ${String(l['@type'])}`);
	}
	const has = (type: string) => locations.some((l) => isObject(l) && l['@type'] === type);
	if (data.eventAttendanceMode !== undefined && !Object.values(MODES).includes(String(data.eventAttendanceMode))) add(`Event: eventAttendanceMode ${String(data.eventAttendanceMode)} is not schema.org's`);
	if (data.eventAttendanceMode === MODES.online && has('Place')) add('Event: an online event with a Place');
	if (data.eventAttendanceMode === MODES.offline && has('VirtualLocation')) add('Event: an offline event with a VirtualLocation');
	if (data.eventStatus !== undefined && !STATUSES.includes(String(data.eventStatus))) add(`Event: eventStatus ${String(data.eventStatus)} is not schema.org's`);
	for (const key of ['organizer', 'performer']) for (const p of many(data[key])) if (!isObject(p) || !text(p.name)) add(`Event: every ${key} needs a name`);
	if (!text(data.description)) add('Event: recommended description is missing');
	if (!httpUrl(data.image)) add('Event: recommended image is missing');
	if (!DAY.test(String(data.startDate ?? ''))) return `the sources date it “${String(data.startDate)}”, without a day: add the day where a source gives it`;
	if (locations.length === 0) return 'no address (city, region or country) and no livestream address in its sources: add venue.city or livestream.url where a source gives them';
	return undefined;
}

function checkArticle(data: Json, add: (m: string) => void) {
	if (!text(data.headline)) add(`${String(data['@type'])}: recommended headline is missing`);
	if (!httpUrl(data.image)) add(`${String(data['@type'])}: recommended image is missing`);
	for (const a of many(data.author)) {
		if (!isObject(a) || !['Person', 'Organization'].includes(String(a['@type'])) || !text(a.name)) add(`${String(data['@type'])}: every author must be a Person or Organization with a name`);
	}
	for (const key of ['datePublished', 'dateModified']) if (data[key] !== undefined && !isIsoDate(data[key])) add(`${String(data['@type'])}: ${key} “${String(data[key])}” is not ISO 8601`);
}

function checkProfile(data: Json, add: (m: string) => void) {
	const e = data.mainEntity;
	if (!isObject(e) || !['Person', 'Organization'].includes(String(e['@type']))) add('ProfilePage: required mainEntity must be a Person or Organization');
	else if (!text(e.name)) add('ProfilePage: required mainEntity.name is missing');
	// A person's picture is recommended; an organisation's page shares the site's card, which is no picture of it.
	else if (e['@type'] === 'Person' && !httpUrl(e.image)) add('ProfilePage: recommended mainEntity.image is missing');
}

/** Every JSON-LD block of every page, against the rules above. */
export function checkGoogle(site: BuiltSite): GoogleReport {
	const report: GoogleReport = { findings: [], events: { eligible: [], notEligible: [] } };
	for (const page of site.pages()) {
		const add = (message: string) => report.findings.push({ check: CHECK, page, message });
		for (const block of selectAll('script[type="application/ld+json"]', site.tree(page)) as Element[]) {
			let data: unknown;
			try {
				data = JSON.parse(toText(block));
			} catch {
				continue; // the structured-data check reports what does not parse
			}
			if (!isObject(data)) continue;
			const type = String(data['@type']);
			if (type === 'Event') {
				const reason = checkEvent(data, add);
				if (reason) report.events.notEligible.push({ page, reason });
				else report.events.eligible.push(page);
			} else if (type === 'NewsArticle' || type === 'Article') checkArticle(data, add);
			else if (type === 'ProfilePage') checkProfile(data, add);
		}
	}
	return report;
}
