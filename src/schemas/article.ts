import { z } from 'zod';
import { partialDate, slug, text } from './common';

export const ARTICLE_KINDS = {
	recap: '会议综述',
	news: '新闻',
	interview: '访谈',
	schedule: '日程预告',
	photo: '图片新闻',
} as const;

/** How an article involves a person. */
export const MENTION_ROLES = { quoted: '引述', interviewed: '受访', pictured: '图片' } as const;

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** An article: recap, news story, interview or announcement, tied to its source. */
export const articleSchema = () =>
	z.strictObject({
		/** Headline as published. */
		title: text(),
		/** Second headline line (副题), if any. */
		subtitle: text().optional(),
		/** recap, news, interview, schedule or photo. */
		kind: z.enum(keysOf(ARTICLE_KINDS)),
		/** Where it was published. */
		source: z.strictObject({
			/** Outlet: 新华网, 科技日报, MIT 科技评论… Omit where the source does not say. */
			outlet: text().optional(),
			/** Column or page: AI世界. */
			column: text().optional(),
			/** Original address, if known. */
			url: z.url().optional(),
			/** Republication note from the source, e.g. 本文转载自新华网. */
			note: text().optional(),
		}),
		/** Reporters and photographers, with their role as printed: 本报记者, 实习记者, 摄影… */
		bylines: z.array(z.strictObject({ role: text().optional(), name: text() })).default([]),
		/** Publication date with its real precision (2024, 2024-10, 2024-10-28); omit if unknown. */
		date: partialDate().optional(),
		/** How the date was arrived at, when the source does not print it. */
		dateNote: text().optional(),
		/** Seed file in `seeds/` the text comes from. */
		seed: z.string().regex(/^[\w.-]+$/, { message: '请填写 seeds/ 目录中的文件名' }),
		/** Event ids the article covers. */
		events: z.array(slug()).default([]),
		/** People it quotes or interviews (speaker ids) and how. */
		people: z.array(z.strictObject({ speaker: slug(), as: z.enum(keysOf(MENTION_ROLES)).default('quoted') })).default([]),
		/** Topic ids. */
		topics: z.array(slug()).default([]),
		/** Photo credits printed with the article. */
		photoCredits: z.array(text()).default([]),
		/** Drafts are validated but not published. */
		draft: z.boolean().default(false),
	});

export type ArticleData = z.output<ReturnType<typeof articleSchema>>;
