import { z } from 'zod';

// Editors read these messages: zod's own ones in Chinese too. Astro shares this zod instance.
z.config(z.locales.zhCN());

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Stable ASCII id: lowercase letters, digits and single hyphens (e.g. `e-weinan`). */
export const slug = () =>
	z
		.string()
		.regex(SLUG_PATTERN, {
			message: 'id 只能使用小写字母、数字和单个连字符（如 e-weinan）',
		});

/** A date as precise as the source gives it. */
export interface PartialDate {
	year: number;
	month?: number;
	day?: number;
	/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: sorts correctly as a string. */
	iso: string;
	precision: 'year' | 'month' | 'day';
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date with its real precision: `2022`, `2022-08` or `2022-08-05`.
 * YAML parsers differ on unquoted dates (js-yaml makes a Date, `yaml` a string),
 * so both are accepted and normalised to the same value here, at the edge.
 */
export const partialDate = () =>
	z
		// Any number reaches the transform (2023.5 is read as 2023-05 and offered as the fix).
		.union([z.date(), z.string(), z.number()])
		.transform((value, ctx): PartialDate => {
			if (value instanceof Date) {
				const iso = value.toISOString().slice(0, 10);
				return toPartialDate(iso)!;
			}
			const parsed = toPartialDate(String(value).trim());
			if (!parsed) {
				const fixed = correctedDate(String(value));
				ctx.addIssue({
					code: 'custom',
					params: { code: 'invalid-date' },
					message: fixed
						? `日期“${value}”的写法不对：请改为 ${fixed}`
						: `日期“${value}”无效：请写成 2022、2022-08 或 2022-08-05`,
				});
				return z.NEVER;
			}
			return parsed;
		});

/**
 * The date an editor meant, written the way the schema takes it, when it can be read with certainty:
 * 2021年9月17日, 2021/9/17, 2021.9.17, 2021-9-7, 2021年9月. An impossible date has none.
 */
export function correctedDate(text: string): string | undefined {
	const match = /^\s*(\d{4})\s*(?:[年/.\-]\s*(\d{1,2})\s*(?:[月/.\-]\s*(\d{1,2})\s*日?|月)?)?\s*年?\s*$/.exec(text);
	if (!match) return undefined;
	const [, y, m, d] = match;
	const iso = [y, m?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
	return iso !== text.trim() && toPartialDate(iso) ? iso : undefined;
}

export function toPartialDate(text: string): PartialDate | undefined {
	const match = PARTIAL_DATE.exec(text);
	if (!match) return undefined;
	const [, y, m, d] = match;
	const year = Number(y);
	const month = m === undefined ? undefined : Number(m);
	const day = d === undefined ? undefined : Number(d);
	if (month !== undefined && (month < 1 || month > 12)) return undefined;
	if (day !== undefined) {
		const probe = new Date(Date.UTC(year, month! - 1, day));
		if (probe.getUTCMonth() !== month! - 1) return undefined;
	}
	return {
		year,
		month,
		day,
		iso: text,
		precision: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year',
	};
}

// Characters no field needs and that hide what a value says: control characters (line breaks apart,
// in multi-line fields), and invisible format characters (zero-width spaces, bidirectional
// overrides, soft hyphens) that make "Hugo Aerts" and "Hugo\u200BAerts" two people.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\n\u2028\u2029]/;
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Text checked for the characters above; `multiLine` lets line breaks through. */
const cleanText = (multiLine: boolean) =>
	z
		.string()
		.trim()
		.min(1, { message: '不能为空' })
		.superRefine((value, ctx) => {
			const invisible = INVISIBLE.exec(value);
			const control = CONTROL.exec(value) ?? (multiLine ? null : LINE_BREAK.exec(value));
			if (control) {
				ctx.addIssue({
					code: 'custom',
					params: { code: 'control-character' },
					message: /[\n\u2028\u2029]/.test(control[0])
						? '这个字段只能写一行，里面有换行：请把内容写在同一行'
						: `含有看不见的控制字符 ${codePoint(control[0])}：请删除它（常见于从别处粘贴的文字）`,
				});
			} else if (invisible) {
				ctx.addIssue({
					code: 'custom',
					params: { code: 'invisible-character' },
					message: `第 ${[...value.slice(0, invisible.index)].length + 1} 个字符是看不见的 ${codePoint(invisible[0])}（零宽空格、方向控制符等）：请删除它，否则同一个名字会被当成两个`,
				});
			}
		});

/** A day in full, as `YYYY-MM-DD` (no partial dates): when a talk of a programme took place. */
export const fullDate = () =>
	partialDate().superRefine((date, ctx) => {
		if (date.precision !== 'day') ctx.addIssue({ code: 'custom', params: { code: 'invalid-date' }, message: `这里要写到具体哪一天，如 ${date.iso}${date.precision === 'year' ? '-10-22' : '-22'}` });
	}).transform((date) => date.iso);

/**
 * A wall-clock time, `HH:MM` on a 24-hour clock, as a printed programme gives it (`09:30`, `14:00`).
 * YAML 1.1 readers take an unquoted 09:30 as the number 570 (sixty-based): that is read back as 09:30.
 */
export const clockTime = () =>
	z.union([z.string(), z.number()]).transform((value, ctx): string => {
		const text = typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 24 * 60 ? `${Math.floor(value / 60)}:${String(value % 60).padStart(2, '0')}` : String(value).trim();
		const match = /^(\d{1,2})[:：](\d{2})$/.exec(text);
		if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
			ctx.addIssue({ code: 'custom', params: { code: 'invalid-time' }, message: `时间“${value}”无效：请写成 24 小时制的“时:分”，如 09:30、14:00` });
			return z.NEVER;
		}
		return `${match[1]!.padStart(2, '0')}:${match[2]}`;
	});

/** Whether `name` is a time zone the IANA database knows (Asia/Shanghai, Europe/Berlin). */
export function isTimeZone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: name });
		return /\//.test(name) || name === 'UTC';
	} catch {
		return false;
	}
}

/** An IANA time zone name: the one the event's clock times are in; written in its canonical case. */
export const timeZone = () =>
	z.string().transform((name, ctx) => {
		if (isTimeZone(name)) return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
		const known = Intl.supportedValuesOf('timeZone');
		const close = known.find((k) => k.toLowerCase() === name.trim().toLowerCase() || k.toLowerCase().endsWith(`/${name.trim().toLowerCase()}`));
		ctx.addIssue({
			code: 'custom',
			params: { code: 'invalid-time-zone' },
			message: `时区“${name}”不是 IANA 时区名：${close ? `是否想写“${close}”？` : '请写成“洲/城市”的形式，如 Asia/Shanghai（北京时间）、Asia/Hong_Kong、Europe/Berlin'}`,
		});
		return z.NEVER;
	});

/** Plain text on one line that must not be empty once trimmed. */
export const text = () => cleanText(false);

/** Text that may run over several lines (a description, a footer). */
export const paragraph = () => cleanText(true);

/** A web address: https: or http: only (a javascript:, data: or file: URL must never reach a link). */
export const webUrl = () =>
	z.url({ protocol: /^https?$/, hostname: /^[^\s]+$/, error: '请填写以 https:// 或 http:// 开头的完整网址' }).refine((url) => !CONTROL.test(url) && !LINE_BREAK.test(url), { message: '网址中不能有换行或控制字符' });

/** 类型：recap（会议综述）、news（新闻）… — the choices of an enum, for editors. */
export const describeChoices = (what: string, labels: Record<string, string>) =>
	`${what}：${Object.entries(labels).map(([k, v]) => `${k}（${v}）`).join('、')}`;
