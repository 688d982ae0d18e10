import { z } from 'zod';
import { zhCN } from '../i18n/zh-CN';
import { describeChoices, partialDate, slug, text, webUrl } from './common';

/** Article kinds and how a person figures in one; labels from the zh-CN locale (src/i18n/). */
export const ARTICLE_KINDS = zhCN.vocab.articleKinds;

/** How an article involves a person. */
export const MENTION_ROLES = zhCN.vocab.mentionRoles;

/** What kind of publication the outlet is: how GB/T 7714 types the reference ([N], [J], [EB]). */
export const SOURCE_MEDIA = zhCN.vocab.sourceMedia;

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** An article: recap, news story, interview or announcement, tied to its source. */
export const articleSchema = () =>
	z.strictObject({
		/** Headline as published. */
		title: text().describe('标题，与原文一致'),
		/** Second headline line (副题), if any. */
		subtitle: text().optional().describe('副题'),
		/** recap, news, interview, schedule or photo. */
		kind: z.enum(keysOf(ARTICLE_KINDS)).describe(describeChoices('类型', ARTICLE_KINDS)),
		/** Where it was published. */
		source: z.strictObject({
			/** Outlet: 新华网, 科技日报, MIT 科技评论… Omit where the source does not say. */
			outlet: text().optional().describe('媒体，如 新华网、科技日报；原文未注明时不填'),
			/** Newspaper, magazine, website or social media: the reference's type in GB/T 7714 (unknown: [Z]). */
			medium: z.enum(keysOf(SOURCE_MEDIA)).optional().describe(describeChoices('媒体类型（决定引文的文献类型标识）', SOURCE_MEDIA)),
			/** Column or page: AI世界. */
			column: text().optional().describe('栏目或版面，如 AI世界'),
			/** The printed page (版次) of a newspaper or magazine article: 5, or A3. */
			page: text().optional().describe('版次或页码（报纸、期刊），如 5 或 A3'),
			/** Original address, if known. */
			url: webUrl().optional().describe('原文网址'),
			/** When the original was last looked at online: GB/T 7714's 引用日期, required with a URL. */
			accessed: partialDate()
				.refine((d) => d.precision === 'day', { message: '引用日期要写到日，如 2026-12-03' })
				.optional()
				.describe('引用日期：查看原文网址的日期，写到日，如 2026-12-03（填了原文网址就要填）'),
			/** Republication note from the source, e.g. 本文转载自新华网. */
			note: text().optional().describe('来源说明，如“本文转载自新华网”'),
		}).describe('出处'),
		/** Reporters and photographers, with their role as printed: 本报记者, 实习记者, 摄影… */
		bylines: z
			.array(z.strictObject({ role: text().optional().describe('署名身份，如 本报记者'), name: text().describe('姓名') }))
			.default([])
			.describe('记者、摄影等署名'),
		/** Publication date with its real precision (2024, 2024-10, 2024-10-28); omit if unknown. */
		date: partialDate().optional().describe('发表日期，按原文精度：2024、2024-10 或 2024-10-28；不知道就不填'),
		/** How the date was arrived at, when the source does not print it. */
		dateNote: text().optional().describe('日期是推定的时，说明依据'),
		/** Seed file in `seeds/` the text comes from. */
		seed: z.string().regex(/^\w[\w.-]*$/, { message: '请填写 seeds/ 目录中原始稿件的文件名（不含目录，不以 . 开头）' }).describe('原始稿件在 seeds/ 中的文件名'),
		/** Event ids the article covers. */
		events: z.array(slug()).default([]).describe('报道的活动 id'),
		/** People it quotes or interviews (speaker ids) and how. */
		people: z
			.array(
				z.strictObject({
					speaker: slug().describe('嘉宾 id'),
					as: z.enum(keysOf(MENTION_ROLES)).default('quoted').describe(describeChoices('方式', MENTION_ROLES)),
				}),
			)
			.default([])
			.describe('文中引述或采访的人'),
		/** Topic ids. */
		topics: z.array(slug()).default([]).describe('专题 id'),
		/** Photo credits printed with the article. */
		photoCredits: z.array(text()).default([]).describe('图片署名'),
		/** Drafts are validated but not published. */
		draft: z.boolean().default(false).describe('草稿：true 时校验但不发布'),
	});

export type ArticleData = z.output<ReturnType<typeof articleSchema>>;
