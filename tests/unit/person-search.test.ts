import fc from 'fast-check';
import { pinyin } from 'pinyin-pro';
import { describe, expect, test } from 'vitest';
import type { PersonRow } from '../../src/search/exact-index';
import { NAME_MATCH, createPersonSearch, nameMatch, pinyinLabel, pinyinLetters, spelledPeopleFirst } from '../../src/search/person-search';
import { pinyinName } from '../../src/schemas/pinyin-name';
import { GIVEN, SURNAMES } from '../bench/corpus';
import { spellings } from '../support/pinyin-spellings';

describe('what counts as a pinyin query', () => {
	test.each([
		['Dai Qionghai', 'daiqionghai'],
		['dai qiong hai', 'daiqionghai'],
		['DAIQIONGHAI', 'daiqionghai'],
		['Dài Qiónghǎi', 'daiqionghai'],
		['dai4 qiong2 hai3', 'daiqionghai'],
		['Lü Le', 'lvle'],
		['lu:le', 'lvle'],
		["Xi'an", 'xian'],
		['ｄｑｈ', 'dqh'],
		['zlf', 'zlf'],
	])('%s → %s', (query, letters) => expect(pinyinLetters(query)).toBe(letters));

	test.each(['戴琼海', 'dai琼海', '5G-A', 'DPA-1', 'a', 'z 3', 'AI4S', ''])('%s is not', (query) => expect(pinyinLetters(query)).toBeUndefined());
});

const nameArb = fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 })).map(([s, g]) => s + g.join(''));

test('nameMatch is the enumerated definition, for any name and any typing of any name', () => {
	fc.assert(
		fc.property(nameArb, nameArb, fc.nat(), (name, other, pick) => {
			const { syllables, familySyllables } = pinyinName(name);
			const ways = spellings(syllables, familySyllables);
			// A typing of this name, and a typing of another name (which may or may not spell this one).
			const own = [...ways.keys()][pick % ways.size]!;
			const otherWays = [...spellings(pinyinName(other).syllables, 1).keys()];
			for (const letters of [own, otherWays[pick % otherWays.length]!]) {
				expect(nameMatch(syllables, familySyllables, letters), `${name} / ${letters}`).toBe(ways.get(letters) ?? NAME_MATCH.NONE);
			}
		}),
		{ numRuns: 500, seed: 3 },
	);
});

test('initials are the first letters pinyin-pro gives the name, and they find the person', () => {
	for (const name of ['戴琼海', '张林峰', '鄂维南', '欧阳修']) {
		const { syllables, familySyllables } = pinyinName(name);
		const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('');
		expect(nameMatch(syllables, familySyllables, initials), name).toBe(NAME_MATCH.INITIALS);
	}
});

test('a person’s pinyin override is what is searched: wcs finds 万重山 (pinyin: Wan Chongshan), mcs does not', () => {
	const { syllables, familySyllables } = pinyinName('万重山', 'Wan Chongshan');
	expect(nameMatch(syllables, familySyllables, 'wcs')).toBe(NAME_MATCH.INITIALS);
	expect(nameMatch(syllables, familySyllables, 'chongshanwan')).toBe(NAME_MATCH.FULL);
	expect(nameMatch(syllables, familySyllables, 'mcs')).toBe(NAME_MATCH.NONE);
	expect(nameMatch(syllables, familySyllables, 'mochongshan')).toBe(NAME_MATCH.NONE);
});

test('people are ranked by how the query spells their name, then by how much they appear; never for a query that is not pinyin', async () => {
	const rows: PersonRow[] = [
		[0, 'zhang lin feng', 1, 1],
		[1, 'zhang lin feng', 1, 9],
		[2, 'zhou li fang', 1, 50],
		[3, 'zhang li', 1, 99],
	];
	const search = createPersonSearch(async () => rows);
	expect((await search('zlf')).map((p) => p.page)).toEqual([2, 1, 0]);
	// Typed in full, 张林峰's namesakes lead 周立芳, who appears more but is only spelled by initials.
	expect((await search('zhang linf')).map((p) => [p.page, p.match])).toEqual([[1, NAME_MATCH.INITIALS], [0, NAME_MATCH.INITIALS]]);
	expect((await search('Linfeng Zhang')).map((p) => [p.page, p.match])).toEqual([[1, NAME_MATCH.FULL], [0, NAME_MATCH.FULL]]);
	expect(await search('张林峰')).toEqual([]);
	expect(await search('z')).toEqual([]);
});

test('a pinyin label is family name first, capitalised, ü restored', () => {
	expect(pinyinLabel(['ou', 'yang', 'xiu'], 2)).toBe('Ouyang Xiu');
	expect(pinyinLabel(['lv', 'le'], 1)).toBe('Lü Le');
});

test('the pages of people a query spells lead the exact matches, in the people’s order; the rest keep theirs', () => {
	const person = (page: number) => ({ page, match: NAME_MATCH.FULL, weight: 1, syllables: ['wang', 'wei'], family: 1 });
	const matches = [10, 11, 12, 13].map((page) => ({ page }));
	expect(spelledPeopleFirst(matches, [person(13), person(11)]).map((m) => m.page)).toEqual([13, 11, 10, 12]);
	expect(spelledPeopleFirst(matches, [person(99)])).toEqual(matches);
});
