import { z } from 'zod';
import { slug, text } from './common';

/** An organisation: organiser of events or affiliation of people. Lives in `content/organizations.yaml`. */
export const organizationSchema = () =>
	z.strictObject({
		/** Stable ASCII id. */
		id: slug(),
		/** Name as the sources most often write it. */
		name: text(),
		/** Other names and abbreviations seen in the sources (e.g. Cell Press, 科技部). */
		aliases: z.array(text()).default([]),
		/** Name in its original script, for foreign organisations. */
		originalName: text().optional(),
	});

export type Organization = z.output<ReturnType<typeof organizationSchema>>;
