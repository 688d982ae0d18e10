import ical, { type ICalEventData } from 'ical-generator';
import { instant } from './schedule';
import type { EventView, SpeakerView, TalkView } from './site-model';

/**
 * iCalendar files (RFC 5545) of events and talks, written by `ical-generator` (escaping, line
 * folding, CRLF). Instants are in UTC (`DTSTART:20241022T013000Z`): the programme's wall-clock time
 * is read in the event's IANA zone (`date-fns-tz`), so a calendar in any zone shows the right hour —
 * the error other archives shipped (euroscipy#97: two hours off) is a zone left out or applied twice.
 * A day with no time is an all-day entry; nothing is timed that the sources do not time.
 */

/** What the files say of the site: where entries link, and the host that makes UIDs unique. */
export interface CalendarSite {
	/** Absolute URL of the site root, for links. */
	origin: URL;
	/** The site's name, for PRODID. */
	title: string;
}

/** YYYY-MM-DD as midnight UTC (an all-day entry's date), and the day after it (its exclusive end). */
const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);
const nextDay = (day: string) => new Date(utcDay(day).getTime() + 86_400_000);

type EventPart = Pick<EventView, 'id' | 'name' | 'url' | 'venueText' | 'timeZone' | 'start' | 'end'>;
type TimedTalk = TalkView & { day: string; start: string; calendarKey: string };

const isTimed = <T extends TalkView>(t: T): t is T & TimedTalk => t.calendarKey !== undefined;

function talkEntry(event: EventPart, talk: TimedTalk, site: CalendarSite): ICalEventData {
	const who = talk.speakers.map((s) => s.label).join('、');
	const start = instant(talk.day, talk.start, event.timeZone);
	return {
		id: `${event.id}/${talk.calendarKey}@${site.origin.host}`,
		// A fixed stamp from the content, not the build's clock: the file only changes when the programme does.
		stamp: start,
		start,
		...(talk.end ? { end: instant(talk.day, talk.end, event.timeZone) } : {}),
		summary: [talk.roleLabel, talk.title && `《${talk.title}》`, who && `：${who}`].filter(Boolean).join(''),
		description: [event.name, ...talk.speakers.map((s) => [s.label, s.description].filter(Boolean).join('，')), talk.summary].filter(Boolean).join('\n'),
		location: [event.venueText, talk.room].filter(Boolean).join(' · ') || undefined,
		url: new URL(event.url, site.origin).href,
	};
}

function eventEntry(event: EventPart, site: CalendarSite): ICalEventData | undefined {
	if (event.start.precision !== 'day') return undefined;
	const last = event.end?.precision === 'day' ? event.end.iso : event.start.iso;
	return {
		id: `${event.id}@${site.origin.host}`,
		stamp: utcDay(event.start.iso),
		start: utcDay(event.start.iso),
		end: nextDay(last),
		allDay: true,
		summary: event.name,
		location: event.venueText,
		url: new URL(event.url, site.origin).href,
	};
}

function file(name: string, entries: ICalEventData[], site: CalendarSite): string {
	const calendar = ical({ name, prodId: { company: site.origin.host, product: site.title, language: 'ZH' } });
	for (const entry of entries) calendar.createEvent(entry);
	return calendar.toString();
}

/** An event's calendar: the event itself (all day, when its day is known) and each timed talk. */
export function eventCalendar(event: EventView, site: CalendarSite): string {
	const talks = event.agenda.filter(isTimed).map((t) => talkEntry(event, t, site));
	return file(event.name, [eventEntry(event, site), ...talks].filter((e): e is ICalEventData => Boolean(e)), site);
}

/** One talk of an event, as its own calendar file. */
export function talkCalendar(event: EventView, talk: TalkView, site: CalendarSite): string {
	if (!isTimed(talk)) throw new Error(`${event.id}: talk without a day and a start has no calendar`);
	return file(event.name, [talkEntry(event, talk, site)], site);
}

/** A speaker's timed talks, across events. */
export function speakerCalendar(speaker: SpeakerView, events: Map<string, EventView>, site: CalendarSite): string {
	const entries = speaker.talks.filter(isTimed).map((t) => talkEntry(events.get(t.event.id)!, t, site));
	return file(speaker.label, entries, site);
}
