import { z } from 'zod';
import { paragraph, slug, text } from './common';

/** A recurring series of events, e.g. 细胞科学北京学术会议. Lives in `content/series.yaml`. */
export const seriesSchema = () =>
	z.strictObject({
		/** Stable ASCII id used in URLs and references. */
		id: slug().describe('系列的 id，用于网址 /series/<id>/ 和活动的 series 字段'),
		/** Full Chinese name of the series. */
		name: text().describe('系列全称'),
		/** What the series is, in the sources' words. */
		description: paragraph().optional().describe('系列简介，用原始报道的说法'),
		/** Year the series was first held, where a source says so. */
		firstYear: z.number().int().min(1800).max(2200).optional().describe('首次举办年份（报道有说明时填写）'),
		/** A series this one belongs to (e.g. 细胞科学北京学术会议 is part of 中关村论坛系列活动). */
		partOf: slug().optional().describe('所属的上级系列 id'),
	});

export type Series = z.output<ReturnType<typeof seriesSchema>>;
