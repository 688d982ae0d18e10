import fc from 'fast-check';
import { formatInTimeZone } from 'date-fns-tz/formatInTimeZone';
import { expect, test } from 'vitest';
import { instant, zonedDateTime } from '../../src/lib/schedule';

// Zones with summer time both sides of the equator, half- and quarter-hour offsets, a zone at UTC, and
// zones that changed their offset in the years an archive covers.
const ZONES = [
	'Asia/Shanghai', 'Asia/Taipei', 'Asia/Hong_Kong', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Kathmandu',
	'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe',
	'Australia/Sydney', 'Pacific/Chatham', 'Pacific/Apia', 'UTC', 'Etc/GMT+12', 'America/Sao_Paulo',
];
const FORMAT = "yyyy-MM-dd'T'HH:mm:ssXXX";

test('an agenda time in its zone is written as date-fns-tz formatInTimeZone writes that instant', () => {
	const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
	const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
	fc.assert(
		fc.property(day, time, fc.constantFrom(...ZONES), (d, t, zone) => {
			expect(zonedDateTime(d, t, zone)).toBe(formatInTimeZone(instant(d, t, zone), zone, FORMAT));
		}),
		{ numRuns: 3000 },
	);
});

test('summer-time changes: the gap, the hour that happens twice, and offset 0 written as Z', () => {
	// 02:30 does not exist in Berlin on 2024-03-31; 02:30 on 2024-10-27 happens twice.
	for (const [d, t, zone] of [
		['2024-03-31', '02:30', 'Europe/Berlin'],
		['2024-10-27', '02:30', 'Europe/Berlin'],
		['2024-03-10', '02:15', 'America/New_York'],
		['2024-11-03', '01:30', 'America/New_York'],
		['2024-04-07', '02:30', 'Australia/Lord_Howe'],
	] as const) {
		expect(zonedDateTime(d, t, zone)).toBe(formatInTimeZone(instant(d, t, zone), zone, FORMAT));
	}
	expect(zonedDateTime('2024-01-15', '09:30', 'Europe/London')).toBe('2024-01-15T09:30:00Z');
	expect(zonedDateTime('2023-10-14', '09:30', 'Asia/Shanghai')).toBe('2023-10-14T09:30:00+08:00');
	expect(zonedDateTime('2024-07-01', '09:30', 'America/St_Johns')).toBe('2024-07-01T09:30:00-02:30');
});
