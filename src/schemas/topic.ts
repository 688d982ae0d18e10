import { z } from 'zod';
import { paragraph, slug, text } from './common';

/** A topic that articles and events are filed under. Lives in `content/topics.yaml`. */
export const topicSchema = () =>
	z.strictObject({
		/** Stable ASCII id used in `/topics/<id>/`. */
		id: slug().describe('专题的 id，用于网址 /topics/<id>/'),
		/** Chinese name shown to readers. */
		name: text().describe('专题名称'),
		/** One line on what the topic covers. */
		description: paragraph().optional().describe('一句话说明'),
	});

export type Topic = z.output<ReturnType<typeof topicSchema>>;
