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
		.union([z.date(), z.string(), z.number().int()])
		.transform((value, ctx): PartialDate => {
			if (value instanceof Date) {
				const iso = value.toISOString().slice(0, 10);
				return toPartialDate(iso)!;
			}
			const parsed = toPartialDate(String(value).trim());
			if (!parsed) {
				ctx.addIssue({
					code: 'custom',
					params: { code: 'invalid-date' },
					message: `日期“${value}”无效：请写成 2022、2022-08 或 2022-08-05`,
				});
				return z.NEVER;
			}
			return parsed;
		});

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

/** Plain text that must not be empty once trimmed. */
export const text = () => z.string().trim().min(1, { message: '不能为空' });

/** 类型：recap（会议综述）、news（新闻）… — the choices of an enum, for editors. */
export const describeChoices = (what: string, labels: Record<string, string>) =>
	`${what}：${Object.entries(labels).map(([k, v]) => `${k}（${v}）`).join('、')}`;
