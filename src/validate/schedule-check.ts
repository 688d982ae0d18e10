import type { SiteRecords } from '../lib/records';
import { formatPath } from '../lib/references';
import { sessionDay, talkKey, talkSlot, withinEvent } from '../lib/schedule';
import type { Problem } from './problem';
import { didYouMean, hint } from './suggest';

type Locate = (file: string, path: readonly PropertyKey[]) => Pick<Problem, 'file' | 'line' | 'column'>;

/**
 * The programme of each event must hold together: sessions named by the agenda exist, every day
 * lies within the event's dates, an end is after its start, and a time on a programme of several
 * days says which day. Each problem is located at the field to fix (schedule-conflict).
 */
export function checkSchedules(records: SiteRecords, at: Locate): Problem[] {
	const problems: Problem[] = [];
	for (const e of records.events) {
		const report = (path: (string | number)[], message: string) =>
			problems.push({ ...at(e.filePath, path), severity: 'error', code: 'schedule-conflict', field: formatPath(path), message });
		const dates = e.end ? `${e.start.iso} 至 ${e.end.iso}` : e.start.iso;
		const seen = new Set<string>();
		e.sessions.forEach((s, i) => {
			if (seen.has(s.id)) report(['sessions', i, 'id'], `单元 id“${s.id}”用了两次：每个单元的 id 要不同。`);
			seen.add(s.id);
			if (s.day && !withinEvent(e, s.day)) report(['sessions', i, 'day'], `单元的日子 ${s.day} 不在活动日期（${dates}）之内：请核对议程。`);
			checkTimes(['sessions', i], s.start, s.end, sessionDay(e, s), report);
		});
		// A timed talk's calendar file is named by its day, time and first speaker: two alike would be one file.
		const timed = new Map<string, number>();
		e.agenda.forEach((talk, i) => {
			const slot = talkSlot(e, talk);
			if (slot.day && slot.start) {
				const key = talkKey(slot.day, slot.start, talk.speakers);
				const earlier = timed.get(key);
				if (earlier !== undefined) report(['agenda', i, 'start'], `与议程第 ${earlier + 1} 项同一天、同一时间（${slot.day} ${slot.start}），嘉宾也是“${talk.speakers[0]}”：同一人不能同时在两处，请核对时间。`);
				else timed.set(key, i);
			}
			if (talk.session && !seen.has(talk.session)) {
				const known = e.sessions.map((s) => s.id);
				report(['agenda', i, 'session'], `找不到单元“${talk.session}”：${known.length ? `本活动的单元有 ${known.join('、')}。${hint(didYouMean(talk.session, known))}` : '请先在 sessions 里添加这个单元（id、title），或删除这一行。'}`);
			}
			if (talk.day && !withinEvent(e, talk.day)) report(['agenda', i, 'day'], `日子 ${talk.day} 不在活动日期（${dates}）之内：请核对议程。`);
			// An item of an unknown session has no day to take from it: that is reported above, once.
			const orphan = talk.session !== undefined && !seen.has(talk.session);
			checkTimes(['agenda', i], talk.start, talk.end, orphan ? talk.day ?? '?' : talkSlot(e, talk).day, report);
		});
	}
	return problems;

	function checkTimes(path: (string | number)[], start: string | undefined, end: string | undefined, day: string | undefined, report: (path: (string | number)[], message: string) => void) {
		if (end && !start) report([...path, 'end'], `只有结束时间 ${end}、没有开始时间：请补上 start，或删掉 end（报道没给出的时间不要填）。`);
		if (start && end && end <= start) report([...path, 'end'], `结束时间 ${end} 不晚于开始时间 ${start}：请核对议程（跨过午夜的安排请分成两天写）。`);
		if (start && !day) report([...path, 'day'], `有开始时间 ${start}，却不知道是哪一天：活动不止一天（或日期没写到日），请加一行 day: YYYY-MM-DD。`);
	}
}
