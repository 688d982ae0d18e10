import { z } from 'zod';
import { slug, text } from './common';
import { asciiFold, pinyinName, syllables, type PinyinName } from './pinyin-name';

/** One position or honour a person held when a source named them (时任). */
export const roleSchema = () =>
	z.strictObject({
		/** Organisation id from `content/organizations.yaml`, if the role belongs to one. */
		org: slug().optional().describe('机构 id（content/organizations.yaml）'),
		/** Department or unit inside the organisation, e.g. 国际机器学习研究中心. */
		unit: text().optional().describe('机构内的部门，如“国际机器学习研究中心”'),
		/** The position or honour itself: 院士, 院长, 教授, 主编… */
		title: text().describe('职务或称号：院士、院长、教授……'),
	});

/** How a source introduced a person: their titles and affiliations at that time. */
export const appearanceSchema = () =>
	z.strictObject({
		/** Article id the description comes from. */
		article: slug().describe('出处文章 id'),
		/** Event it refers to, if any. */
		event: slug().optional().describe('相关活动 id'),
		/** The description exactly as the source words it. */
		asGiven: text().describe('报道对其职务的原话'),
		/** The same description, split into roles. */
		roles: z.array(roleSchema()).default([]).describe('把原话拆成一条条职务'),
	});

/** A person who speaks, presents, is interviewed or is quoted in the sources. */
export const speakerSchema = () =>
	z
		.strictObject({
			/** Chinese name shown to readers (for foreign people, the transliteration the sources use). */
			name: text().describe('中文姓名；外籍人士填报道所用译名'),
			/** Name in its original script, for foreign people: Hugo Aerts. */
			originalName: text().optional().describe('外籍人士的原文姓名，如 Hugo Aerts'),
			/** BCP 47 language of `originalName`. */
			originalLang: z.string().default('en').describe('原文姓名的语言代码，默认 en'),
			/** Every other form the sources use: other transliterations, spacing variants. */
			aliases: z.array(text()).default([]).describe('报道中出现过的其他写法、其他译名'),
			/** Pinyin as "Family Given" where the dictionary would read the name wrongly. */
			pinyin: text().optional().describe('拼音，“姓 名”格式；仅在自动拼音读错时填写，如 Wan Chongshan'),
			/** Ids this person's file had before two records were merged into it: each old URL redirects here. */
			formerIds: z.array(slug()).default([]).describe('合并前用过的旧 id（旧文件名）：旧网址会自动跳转到这位嘉宾的页面'),
			/** Ids of people with the same name (or pinyin) who are someone else: silences "probably one person" for that pair. */
			distinctFrom: z.array(slug()).default([]).describe('同名（或同拼音）但不是同一人的嘉宾 id；填了就不再提示“可能是同一人”'),
			/** What tells this person apart from a namesake, shown after the name: 张强（清华大学）. */
			disambiguation: text().optional().describe('与同名嘉宾相区分的说明，显示在姓名后的括号里，如“清华大学”；不填则取最近一次出处中的第一个机构'),
			/** Titles and affiliations per appearance, as each source gives them. */
			appearances: z.array(appearanceSchema()).min(1, { message: '至少需要一条出处（appearances）' }).describe('每次出现时的职务（时任），各注明出处'),
		})
		.transform((person) => {
			const foreign = person.originalName !== undefined;
			const romanised = foreign ? undefined : pinyinName(person.name, person.pinyin);
			const order = sortSyllables(person.name, romanised);
			return {
				...person,
				/** Pinyin forms for Chinese names, absent for foreign people. */
				romanised,
				/** Sort key: family name first, in pinyin (the override's, when given); foreign people by the family name of their Chinese transliteration. */
				sortKey: order.map(asciiFold).join(' '),
				/** Index letter, A–Z, from the family name's first syllable. */
				initial: (asciiFold(order[0] ?? '')[0] ?? '#').toUpperCase(),
				/** Every name the person is known by, for search and structured data. */
				allNames: [
					...new Set(
						[
							person.name,
							person.originalName,
							...person.aliases,
							romanised?.familyFirst,
							romanised?.givenFirst,
							romanised?.compact,
						].filter((n): n is string => Boolean(n)),
					),
				],
			};
		});

export type Speaker = z.output<ReturnType<typeof speakerSchema>>;
export type Appearance = z.output<ReturnType<typeof appearanceSchema>>;

/**
 * Syllables a person is sorted by, family name first. A Chinese name's come from its pinyin (so
 * `pinyin: Wan Chongshan` files 万重山 under W, not M). A foreign name is written given name first
 * with a dot between the parts (约翰·轩尼诗, John Hennessy): its family name is the last part, so
 * the person is filed under X for 轩尼诗, as Chinese indexes of foreign names do.
 */
function sortSyllables(name: string, romanised: PinyinName | undefined): string[] {
	if (romanised) return [romanised.family, romanised.given].filter(Boolean);
	const parts = name.split(/[·•・‧･.\s]+/).filter(Boolean);
	const family = parts.at(-1) ?? name;
	return [...syllables(family), ...syllables(parts.slice(0, -1).join(''))];
}
