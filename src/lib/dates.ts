import type { PartialDate } from '../schemas';

/** 2022年5月24日 / 2022年5月 / 2022年 */
export function formatDate(d: PartialDate): string {
	return `${d.year}年` + (d.month ? `${d.month}月` : '') + (d.day ? `${d.day}日` : '');
}

/** 2022年5月24日至26日, 2022年8月31日至9月2日, 2022年12月31日至2023年1月1日 */
export function formatDateRange(start: PartialDate, end?: PartialDate): string {
	if (!end || end.iso === start.iso) return formatDate(start);
	if (end.year !== start.year) return `${formatDate(start)}至${formatDate(end)}`;
	if (end.month !== start.month) return `${formatDate(start)}至${end.month ? `${end.month}月` : ''}${end.day ? `${end.day}日` : ''}`;
	return `${formatDate(start)}至${end.day ? `${end.day}日` : ''}`;
}

/** Newest first; entries without a date go last, in a stable order. */
export function byDateDesc<T>(date: (item: T) => PartialDate | undefined, tieBreak: (item: T) => string) {
	return (a: T, b: T) => {
		const da = date(a)?.iso ?? '';
		const db = date(b)?.iso ?? '';
		if (da !== db) return da < db ? 1 : -1;
		return tieBreak(a).localeCompare(tieBreak(b));
	};
}
