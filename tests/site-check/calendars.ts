import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { builtFiles, servedBase, type BuiltSite, type Finding } from './built-site';

/** Every iCalendar file of a built site, as URL paths. */
export const calendarPaths = (dir: string) => builtFiles(dir, (name) => name.endsWith('.ics'));

/**
 * Every .ics file read by Mozilla's ical.js, then held to what RFC 5545 requires of it and of each
 * VEVENT: VERSION 2.0 and PRODID; a UID unique across the site (a UID is the entry's identity in a
 * reader's calendar), DTSTAMP and DTSTART; an end after the start; a date-time either in UTC or with
 * a TZID its VTIMEZONE defines (a floating time would move with the reader); CRLF line ends and lines
 * of at most 75 octets; a URL that is a page of the site.
 */
export function checkCalendars(site: BuiltSite): Finding[] {
	const findings: Finding[] = [];
	// A folder built for a sub-path holds its pages without it.
	const base = servedBase(site.dir);
	const isPage = (path: string) => Boolean(site.fileFor(path) ?? (path.startsWith(base) && site.fileFor('/' + path.slice(base.length))));
	const owner = new Map<string, string>();
	for (const path of calendarPaths(site.dir)) {
		const found = (message: string) => findings.push({ check: 'iCalendar', page: path, message });
		const text = readFileSync(join(site.dir, path), 'utf8');
		if (/[^\r]\n/.test(text)) found('a line ends in LF, not CRLF');
		const long = text.split(/\r?\n/).find((line) => Buffer.byteLength(line) > 75);
		if (long) found(`a line longer than 75 octets: ${long.slice(0, 40)}…`);
		let calendar: ICAL.Component;
		try {
			calendar = new ICAL.Component(ICAL.parse(text));
		} catch (error) {
			found(`not iCalendar: ${(error as Error).message}`);
			continue;
		}
		if (calendar.getFirstPropertyValue('version') !== '2.0' || !calendar.getFirstPropertyValue('prodid')) found('VERSION 2.0 or PRODID missing');
		const zones = new Set(calendar.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
		const events = calendar.getAllSubcomponents('vevent');
		if (events.length === 0) found('no VEVENT');
		for (const vevent of events) {
			const uid = String(vevent.getFirstPropertyValue('uid') ?? '');
			if (!uid) found('a VEVENT without UID');
			// The same entry may be in several files (event, talk, speaker): the same UID must then be the same entry.
			const entry = vevent.toString().replace(/^DTSTAMP.*$/m, '');
			const seen = owner.get(uid);
			if (seen !== undefined && seen !== entry) found(`UID ${uid} names two different entries`);
			owner.set(uid, entry);
			for (const prop of ['dtstamp', 'dtstart']) if (!vevent.hasProperty(prop)) found(`${uid}: no ${prop.toUpperCase()}`);
			for (const prop of ['dtstart', 'dtend']) {
				const p = vevent.getFirstProperty(prop);
				const value = p?.getFirstValue() as ICAL.Time | undefined;
				if (!p || !value || value.isDate) continue;
				const tzid = p.getParameter('tzid');
				if (value.zone?.tzid !== 'UTC' && !(typeof tzid === 'string' && zones.has(tzid))) found(`${uid}: ${prop.toUpperCase()} is a floating time (neither UTC nor a defined TZID)`);
			}
			const e = new ICAL.Event(vevent);
			if (e.endDate && e.endDate.compare(e.startDate) < 0) found(`${uid}: ends before it starts`);
			const url = vevent.getFirstPropertyValue('url');
			if (url && !isPage(new URL(String(url)).pathname)) found(`${uid}: URL ${url} is not a page of the site`);
		}
	}
	return findings;
}
