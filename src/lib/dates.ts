import { zhCN, type Ui } from '../i18n/zh-CN';
import type { PartialDate } from '../schemas';

/** Dates as readers of the site's language write them, to the precision the source gives. */
export function dateFormatter({ dates: t }: Pick<Ui, 'dates'> = zhCN) {
	/** 2022年5月24日 / 2022年5月 / 2022年 */
	const formatDate = (d: PartialDate) => t.year(d.year) + (d.month ? t.month(d.month) : '') + (d.day ? t.day(d.day) : '');
	/** 2022年5月24日至26日, 2022年8月31日至9月2日, 2022年12月31日至2023年1月1日 */
	const formatDateRange = (start: PartialDate, end?: PartialDate) => {
		if (!end || end.iso === start.iso) return formatDate(start);
		if (end.year !== start.year) return `${formatDate(start)}${t.rangeJoin}${formatDate(end)}`;
		if (end.month !== start.month) return `${formatDate(start)}${t.rangeJoin}${end.month ? t.month(end.month) : ''}${end.day ? t.day(end.day) : ''}`;
		return `${formatDate(start)}${t.rangeJoin}${end.day ? t.day(end.day) : ''}`;
	};
	return { formatDate, formatDateRange };
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
