import { z } from 'zod';
import { slug, text } from './common';

/** An organisation: organiser of events or affiliation of people. Lives in `content/organizations.yaml`. */
export const organizationSchema = () =>
	z.strictObject({
		/** Stable ASCII id. */
		id: slug().describe('机构的 id，供活动主办方和嘉宾职务引用'),
		/** Name as the sources most often write it. */
		name: text().describe('机构名称，用报道中最常见的写法'),
		/** Other names and abbreviations seen in the sources (e.g. Cell Press, 科技部). */
		aliases: z.array(text()).default([]).describe('其他名称与简称'),
		/** Name in its original script, for foreign organisations. */
		originalName: text().optional().describe('外国机构的原文名称'),
	});

export type Organization = z.output<ReturnType<typeof organizationSchema>>;
