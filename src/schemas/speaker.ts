import { z } from 'zod';
import { slug, text } from './common';
import { asciiFold, pinyinName, syllables } from './pinyin-name';

/** One position or honour a person held when a source named them (时任). */
export const roleSchema = () =>
	z.strictObject({
		/** Organisation id from `content/organizations.yaml`, if the role belongs to one. */
		org: slug().optional(),
		/** Department or unit inside the organisation, e.g. 国际机器学习研究中心. */
		unit: text().optional(),
		/** The position or honour itself: 院士, 院长, 教授, 主编… */
		title: text(),
	});

/** How a source introduced a person: their titles and affiliations at that time. */
export const appearanceSchema = () =>
	z.strictObject({
		/** Article id the description comes from. */
		article: slug(),
		/** Event it refers to, if any. */
		event: slug().optional(),
		/** The description exactly as the source words it. */
		asGiven: text(),
		/** The same description, split into roles. */
		roles: z.array(roleSchema()).default([]),
	});

/** A person who speaks, presents, is interviewed or is quoted in the sources. */
export const speakerSchema = () =>
	z
		.strictObject({
			/** Chinese name shown to readers (for foreign people, the transliteration the sources use). */
			name: text(),
			/** Name in its original script, for foreign people: Hugo Aerts. */
			originalName: text().optional(),
			/** BCP 47 language of `originalName`. */
			originalLang: z.string().default('en'),
			/** Every other form the sources use: other transliterations, spacing variants. */
			aliases: z.array(text()).default([]),
			/** Pinyin as "Family Given" where the dictionary would read the name wrongly. */
			pinyin: text().optional(),
			/** Titles and affiliations per appearance, as each source gives them. */
			appearances: z.array(appearanceSchema()).min(1, { message: '至少需要一条出处（appearances）' }),
		})
		.transform((person) => {
			const foreign = person.originalName !== undefined;
			const romanised = foreign ? undefined : pinyinName(person.name, person.pinyin);
			const nameSyllables = syllables(person.name);
			return {
				...person,
				/** Pinyin forms for Chinese names, absent for foreign people. */
				romanised,
				/** Sort key: pinyin of the Chinese display name (foreign names sort by their transliteration). */
				sortKey: nameSyllables.map(asciiFold).join(' '),
				/** Index letter, A–Z, from the first syllable. */
				initial: (nameSyllables[0]?.[0] ?? '#').toUpperCase().replace('Ü', 'L'),
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
