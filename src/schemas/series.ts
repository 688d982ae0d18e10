import { z } from 'zod';
import { slug, text } from './common';

/** A recurring series of events, e.g. 细胞科学北京学术会议. Lives in `content/series.yaml`. */
export const seriesSchema = () =>
	z.strictObject({
		/** Stable ASCII id used in URLs and references. */
		id: slug(),
		/** Full Chinese name of the series. */
		name: text(),
		/** What the series is, in the sources' words. */
		description: text().optional(),
		/** Year the series was first held, where a source says so. */
		firstYear: z.number().int().min(1800).max(2200).optional(),
		/** A series this one belongs to (e.g. 细胞科学北京学术会议 is part of 中关村论坛系列活动). */
		partOf: slug().optional(),
	});

export type Series = z.output<ReturnType<typeof seriesSchema>>;
