import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
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

/** That instant as ISO 8601 with the zone's offset then (`2023-10-14T09:30:00+08:00`), as schema.org's DateTime takes it. */
export const zonedDateTime = (day: string, time: string, timeZone: string): string =>
	formatInTimeZone(instant(day, time, timeZone), timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");
