import { rmSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, describe, expect, test } from 'vitest';
import { eventCalendar, speakerCalendar, talkCalendar } from '../../src/lib/calendar';
import { instant } from '../../src/lib/schedule';
import { buildSiteModel } from '../../src/lib/site-model';
import { loadRecords } from '../support/content';
import { copyContent, replaceIn } from '../support/content-copy';
import { SITES } from '../support/sites';

// The second fixture site's 2023 forum has a two-day programme: sessions with rooms and chairs,
// timed talks, and a talk with a day but no time. Files are read back by Mozilla's ical.js.
const site = { origin: new URL('https://lakeside.example.org/conf-archive/'), title: '湖畔论坛文集' };
const modelOf = (root: string) => buildSiteModel(loadRecords(root), { base: '/conf-archive/' });

interface Parsed { uid: string; summary: string; location: string; start: string; end?: string; allDay: boolean; url: string }
function parse(text: string): Parsed[] {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return calendar.getAllSubcomponents('vevent').map((v) => {
		const e = new ICAL.Event(v);
		const at = (t: ICAL.Time | null) => (t ? (t.isDate ? t.toString() : t.toJSDate().toISOString()) : undefined);
		return { uid: e.uid, summary: e.summary, location: e.location, start: at(e.startDate)!, end: at(e.endDate), allDay: e.startDate.isDate, url: String(v.getFirstPropertyValue('url')) };
	});
}

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('an event with a timed two-day programme in Beijing time', () => {
	const model = modelOf(SITES.second.root);
	const event = model.events.find((e) => e.id === 'lakeside-forum-2023')!;
	const entries = parse(eventCalendar(event, site));

	test('the event as an all-day entry over both days (the end is exclusive), linking to its page', () => {
		expect(entries[0]).toMatchObject({ summary: '第五届湖畔论坛', start: '2023-10-14', end: '2023-10-16', allDay: true, url: 'https://lakeside.example.org/conf-archive/events/lakeside-forum-2023/' });
	});

	test('each timed talk at the instant its wall-clock time means in UTC+8; a talk with no time has no entry', () => {
		const talks = entries.slice(1);
		expect(talks.map((t) => [t.start, t.end])).toEqual([
			[new Date('2023-10-14T09:30:00+08:00').toISOString(), new Date('2023-10-14T10:15:00+08:00').toISOString()],
			[new Date('2023-10-15T14:00:00+08:00').toISOString(), new Date('2023-10-15T14:20:00+08:00').toISOString()],
		]);
		expect(talks[0]!.summary).toBe('主旨报告《计算机体系结构的新黄金时代》：约翰·轩尼诗');
		// Where: the event's venue and the session's room.
		expect(talks.map((t) => t.location)).toEqual(['杭州 · 湖畔会议中心 · 主会场', '杭州 · 湖畔会议中心 · 第二会议室']);
		expect(talks.some((t) => t.summary.includes('芯片设计的开放生态'))).toBe(false);
	});

	test('UIDs are unique and do not change with the build, and a talk’s own file is that talk alone', () => {
		expect(new Set(entries.map((e) => e.uid)).size).toBe(entries.length);
		expect(parse(eventCalendar(modelOf(SITES.second.root).events.find((e) => e.id === event.id)!, site)).map((e) => e.uid)).toEqual(entries.map((e) => e.uid));
		const keynote = event.agenda.find((t) => t.calendarUrl)!;
		expect(parse(talkCalendar(event, keynote, site))).toEqual([entries[1]]);
	});

	test('a speaker’s calendar holds their timed talks', () => {
		const hennessy = model.speakers.find((s) => s.id === 'john-hennessy')!;
		expect(hennessy.calendarUrl).toBe('/conf-archive/speakers/john-hennessy/calendar.ics');
		expect(parse(speakerCalendar(hennessy, new Map(model.events.map((e) => [e.id, e])), site))).toEqual([entries[1]]);
	});

	test('RFC 5545 form: CRLF line ends, lines folded at 75 octets, commas and semicolons escaped', () => {
		const text = eventCalendar(event, site);
		expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
		expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
	});

	test('an event known to the month only, with no times, has no calendar', () => {
		expect(model.events.find((e) => e.id === 'lakeside-forum-2022')!.calendarUrl).toBeUndefined();
	});
});

test('the same programme in Europe/Berlin: summer time (UTC+2) in October before the change, winter time (UTC+1) after', () => {
	const dir = copyContent(SITES.second.root);
	copies.push(dir);
	replaceIn(dir, 'content/events/lakeside-forum-2023.md', 'end: 2023-10-15', 'end: 2023-10-15\ntimeZone: Europe/Berlin');
	const event = modelOf(dir).events.find((e) => e.id === 'lakeside-forum-2023')!;
	expect(parse(eventCalendar(event, site))[1]!.start).toBe('2023-10-14T07:30:00.000Z');
	expect(instant('2023-11-14', '09:30', 'Europe/Berlin').toISOString()).toBe('2023-11-14T08:30:00.000Z');
	expect(event.schedule).toBeDefined();
});
