import { z } from 'zod';
import { slug, text } from './common';

/** A topic that articles and events are filed under. Lives in `content/topics.yaml`. */
export const topicSchema = () =>
	z.strictObject({
		/** Stable ASCII id used in `/topics/<id>/`. */
		id: slug(),
		/** Chinese name shown to readers. */
		name: text(),
		/** One line on what the topic covers. */
		description: text().optional(),
	});

export type Topic = z.output<ReturnType<typeof topicSchema>>;
