// A subpath import: date-fns-tz's root and its formatInTimeZone load all of date-fns (~4 s per process
// here: `node -e "await import('date-fns-tz/formatInTimeZone')"` 3.3–5.0 s, this one 0.13 s), which
// every CLI and build that imports this file paid.
import { fromZonedTime } from 'date-fns-tz/fromZonedTime';
import type { EventData, Session, Talk } from '../schemas';

/** An event's dates and programme, as the schedule needs them. */
type Programme = Pick<EventData, 'start' | 'end' | 'sessions' | 'agenda' | 'timeZone'>;

/** The one day of an event that lasts a known single day, else undefined. */
export function singleDay(e: Pick<EventData, 'start' | 'end'>): string | undefined {
	return e.start.precision === 'day' && (!e.end || e.end.iso === e.start.iso) ? e.start.iso : undefined;
}

/** The session an agenda item names, if it exists. */
export const sessionOf = (e: Pick<EventData, 'sessions'>, talk: Pick<Talk, 'session'>): Session | undefined =>
	talk.session ? e.sessions.find((s) => s.id === talk.session) : undefined;

/**
 * When an agenda item took place, as far as the sources say: its own day, else its session's, else
 * the event's when it lasted one day; its own times, else none (a session's hours are the session's,
 * not each talk's). Nothing is invented: a part no source gives stays undefined.
 */
export function talkSlot(e: Programme, talk: Talk): { day?: string; start?: string; end?: string } {
	const session = sessionOf(e, talk);
	return { day: talk.day ?? session?.day ?? singleDay(e), start: talk.start, end: talk.end };
}

/** A session's day: its own, else its event's single day. */
export const sessionDay = (e: Programme, session: Session): string | undefined => session.day ?? singleDay(e);

/** Whether `day` (YYYY-MM-DD) falls within the event's dates, at their precision. */
export function withinEvent(e: Pick<EventData, 'start' | 'end'>, day: string): boolean {
	const last = e.end ?? e.start;
	return day.slice(0, e.start.iso.length) >= e.start.iso && day.slice(0, last.iso.length) <= last.iso;
}

/** A session as the schedule shows it. */
export interface SessionView<Person> {
	id: string;
	title: string;
	timeText?: string;
	venue?: string;
	chairs: Person[];
}

/** One day of the schedule: its talks in programme order, a session's run of talks under its heading. */
export interface ScheduleDay<Item, Person> {
	/** YYYY-MM-DD, or undefined for talks no source dates. */
	day?: string;
	/** The day as readers write it: 2024年10月22日. */
	dayText?: string;
	blocks: { session?: SessionView<Person>; items: Item[] }[];
}

/** 09:30–10:00, 09:30, or nothing. */
export const timeText = (start?: string, end?: string) => (start ? (end ? `${start}–${end}` : start) : undefined);

/**
 * The programme by day, when the sources give any of its structure (a day, a time or a session on
 * some item, or sessions): days in order, undated items last; within a day the agenda's order, a
 * session's consecutive items grouped under it. Undefined when the agenda is a plain list.
 */
export function scheduleDays<Item, Person>(
	e: Programme,
	items: Item[],
	session: (s: Session) => SessionView<Person>,
	dayText: (day: string) => string,
): ScheduleDay<Item, Person>[] | undefined {
	if (e.sessions.length === 0 && !e.agenda.some((t) => t.day || t.start || t.session)) return undefined;
	const days = new Map<string | undefined, ScheduleDay<Item, Person>>();
	e.agenda.forEach((talk, i) => {
		const { day } = talkSlot(e, talk);
		const entry = days.get(day) ?? days.set(day, { day, dayText: day && dayText(day), blocks: [] }).get(day)!;
		const s = sessionOf(e, talk);
		const last = entry.blocks.at(-1);
		if (last && last.session?.id === s?.id) last.items.push(items[i]!);
		else entry.blocks.push({ session: s && session(s), items: [items[i]!] });
	});
	// A session the sources name but list no talk of still has its place (its title, room and chairs).
	const named = new Set(e.agenda.map((t) => t.session));
	for (const s of e.sessions.filter((s) => !named.has(s.id))) {
		const day = sessionDay(e, s);
		(days.get(day) ?? days.set(day, { day, dayText: day && dayText(day), blocks: [] }).get(day)!).blocks.push({ session: session(s), items: [] });
	}
	return [...days.values()].sort((a, b) => (a.day === undefined ? 1 : b.day === undefined ? -1 : a.day.localeCompare(b.day)));
}

/**
 * A timed talk's key, for its calendar file and its UID: day, start and first speaker
 * (2024-10-22T0930-e-weinan), stable when the agenda is reordered or retitled.
 */
export const talkKey = (day: string, start: string, speakers: string[]) => `${day}T${start.replace(':', '')}-${speakers[0]}`;

/** The instant a programme's wall-clock time means in its IANA zone. */
export const instant = (day: string, time: string, timeZone: string): Date => fromZonedTime(`${day}T${time}:00`, timeZone);

/** One formatter per zone: the wall clock, 24-hour, to the second (Intl knows every zone's history). */
const wallClocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
	let f = wallClocks.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
		wallClocks.set(timeZone, f);
	}
	return f;
}

/**
 * That instant as ISO 8601 with the zone's offset then (`2023-10-14T09:30:00+08:00`, `Z` at offset 0),
 * as schema.org's DateTime takes it: the instant's wall clock in the zone, as date-fns-tz's
 * `formatInTimeZone(…, "yyyy-MM-dd'T'HH:mm:ssXXX")` writes it (a unit test holds the two equal,
 * summer-time gaps and overlaps included; date-fns-tz's getTimezoneOffset is not, at a change).
 */
export function zonedDateTime(day: string, time: string, timeZone: string): string {
	const at = instant(day, time, timeZone);
	const part = Object.fromEntries(wallClock(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
	const [y, mo, d, h, mi, s] = [part.year, part.month, part.day, part.hour, part.minute, part.second].map(Number) as number[];
	const wall = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
	wall.setUTCFullYear(y!); // Date.UTC reads years 0–99 as 1900–1999
	const offset = wall.getTime() - at.getTime();
	const text = wall.toISOString().slice(0, 19);
	if (offset === 0) return `${text}Z`;
	const minutes = Math.trunc(Math.abs(offset) / 60_000);
	const hhmm = `${String(Math.trunc(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
	return `${text}${offset < 0 ? '-' : '+'}${hhmm}`;
}
