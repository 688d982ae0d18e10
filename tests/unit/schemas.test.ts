import { describe, expect, test } from 'vitest';
import { articleSchema, eventSchema, speakerSchema, toPartialDate } from '../../src/schemas';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('partial dates keep their real precision', () => {
	test('year, month and day forms', () => {
		expect(toPartialDate('2024')).toMatchObject({ precision: 'year', iso: '2024' });
		expect(toPartialDate('2024-10')).toMatchObject({ precision: 'month', month: 10 });
		expect(toPartialDate('2022-08-05')).toMatchObject({ precision: 'day', day: 5 });
	});
	test('impossible dates are rejected', () => {
		expect(toPartialDate('2023-02-30')).toBeUndefined();
		expect(toPartialDate('2023-13')).toBeUndefined();
		expect(toPartialDate('23-1-1')).toBeUndefined();
	});
	test('a YAML Date (js-yaml, as Astro parses) and a string (yaml package) give the same value', () => {
		const base = { name: 'x', shortName: 'x', kind: 'summit' };
		const fromDate = eventSchema().parse({ ...base, start: new Date('2023-08-10') });
		const fromString = eventSchema().parse({ ...base, start: '2023-08-10' });
		expect(fromDate.start).toEqual(fromString.start);
	});
});

describe('speakers', () => {
	const appearance = { article: 'a', asGiven: '清华大学教授' };
	test('Chinese names get pinyin in both orders and a compact form', () => {
		const s = speakerSchema().parse({ name: '鄂维南', appearances: [appearance] });
		expect(s.romanised).toMatchInlineSnapshot(`
			{
			  "compact": "eweinan",
			  "family": "E",
			  "familyFirst": "E Weinan",
			  "familySyllables": 1,
			  "given": "Weinan",
			  "givenFirst": "Weinan E",
			  "readingsAgree": true,
			  "syllables": [
			    "e",
			    "wei",
			    "nan",
			  ],
			}
		`);
		expect(s.allNames).toEqual(['鄂维南', 'E Weinan', 'Weinan E', 'eweinan']);
		expect(s.initial).toBe('E');
	});
	test('an explicit pinyin overrides the dictionary reading', () => {
		const s = speakerSchema().parse({ name: '万重山', pinyin: 'Wan Chongshan', appearances: [appearance] });
		expect(s.romanised?.givenFirst).toBe('Chongshan Wan');
		// The override feeds the sort key and the index letter too: W, not M (the dictionary reads 万 as mo here).
		expect([s.sortKey, s.initial]).toEqual(['wan chongshan', 'W']);
		// And search: one syllable per character, from the readings each character has (万 wan/mo, 重 zhong/chong).
		expect([s.romanised?.syllables, s.romanised?.familySyllables]).toEqual([['wan', 'chong', 'shan'], 1]);
	});
	test('a compound surname is two syllables of family name, in the override too', () => {
		expect(speakerSchema().parse({ name: '欧阳修', appearances: [appearance] }).romanised).toMatchObject({ syllables: ['ou', 'yang', 'xiu'], familySyllables: 2 });
		expect(speakerSchema().parse({ name: '单田芳', pinyin: 'Shan Tianfang', appearances: [appearance] }).romanised).toMatchObject({ syllables: ['shan', 'tian', 'fang'], familySyllables: 1 });
	});
	test('an override no reading of the characters spells is searched by its words', () => {
		expect(speakerSchema().parse({ name: '张三', pinyin: 'Zhang Sanx', appearances: [appearance] }).romanised).toMatchObject({ syllables: ['zhang', 'sanx'], familySyllables: 1 });
	});
	test('ü is kept for display and folded to v for sorting', () => {
		const s = speakerSchema().parse({ name: '吕乐', appearances: [appearance] });
		expect([s.romanised?.familyFirst, s.romanised?.compact, s.initial]).toEqual(['Lü Le', 'lvle', 'L']);
	});
	test('foreign people keep their original name and every transliteration, and get no pinyin', () => {
		const s = speakerSchema().parse({ name: '雨果•彼得', originalName: 'Hugo Aerts', aliases: ['雨果·彼得'], appearances: [appearance] });
		expect(s.romanised).toBeUndefined();
		expect(s.allNames).toEqual(['雨果•彼得', 'Hugo Aerts', '雨果·彼得']);
		// Filed by the family name, the last part of the transliteration: 彼得, under B.
		expect(s.initial).toBe('B');
	});
	test('foreign people are sorted by family name: 约翰·轩尼诗 under X, whatever dot separates the parts', () => {
		for (const name of ['约翰·轩尼诗', '约翰•轩尼诗', '约翰・轩尼诗', '约翰 轩尼诗']) {
			const s = speakerSchema().parse({ name, originalName: 'John Hennessy', appearances: [appearance] });
			expect([name, s.initial, s.sortKey]).toEqual([name, 'X', 'xuan ni shi yue han']);
		}
	});
	test('unknown fields and missing sources are refused with a message saying what to do', () => {
		const result = speakerSchema().safeParse({ name: '张三', title: '院士', appearances: [] });
		expect(issues(result)).toMatchInlineSnapshot(`
			[
			  "appearances: 至少需要一条出处（appearances）",
			  ": 出现未知的键(key): "title"",
			]
		`);
	});
});

describe('events', () => {
	test('an agenda item needs a speaker and a known role', () => {
		const result = eventSchema().safeParse({
			name: '峰会', shortName: '峰会', kind: 'summit', start: '2023-08-10',
			agenda: [{ role: 'speech', speakers: [] }],
		});
		expect(issues(result)).toMatchInlineSnapshot(`
			[
			  "agenda.0.role: 无效选项：期望以下之一 "opening-remarks"|"keynote"|"talk"|"lead-remarks"|"remarks"|"host"|"panel"|"dialogue"|"launch"|"interview"",
			  "agenda.0.speakers: 每个议程条目至少需要一位嘉宾",
			]
		`);
	});
	test('ids must be stable ASCII slugs and dates must be real', () => {
		const result = eventSchema().safeParse({
			name: '峰会', shortName: '峰会', kind: 'summit', start: '2023年8月10日',
			organizers: [{ tier: 'host', org: '北京科学智能研究院' }],
		});
		expect(issues(result)).toMatchInlineSnapshot(`
			[
			  "start: 日期“2023年8月10日”的写法不对：请改为 2023-08-10",
			  "organizers.0.org: id 只能使用小写字母、数字和单个连字符（如 e-weinan）",
			]
		`);
	});
});

describe('articles', () => {
	const valid = { title: '标题', kind: 'news', source: { outlet: '科技日报' }, seed: '001_x.txt' };
	test('a minimal article is valid and defaults to published', () => {
		const a = articleSchema().parse(valid);
		expect([a.draft, a.events, a.people]).toEqual([false, [], []]);
	});
	test('kind, date and mention roles are checked', () => {
		const result = articleSchema().safeParse({ ...valid, kind: 'blog', date: '2024-10-32', people: [{ speaker: 'li-zhicheng', as: 'author' }] });
		expect(issues(result)).toMatchInlineSnapshot(`
			[
			  "kind: 无效选项：期望以下之一 "recap"|"news"|"interview"|"schedule"|"photo"",
			  "date: 日期“2024-10-32”无效：请写成 2022、2022-08 或 2022-08-05",
			  "people.0.as: 无效选项：期望以下之一 "quoted"|"interviewed"|"mentioned"|"pictured"",
			]
		`);
	});
});

describe('site settings', () => {
	test('the navigation may name exactly the collections that have an index page', async () => {
		const { NAV_KEYS } = await import('../../src/schemas/site');
		const { INDEXED } = await import('../../src/lib/urls');
		expect([...NAV_KEYS].sort()).toEqual(INDEXED.map((c) => c.key).sort());
	});
});
