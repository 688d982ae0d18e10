import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createExactSearch } from '../../src/search/exact-search';
import { NAME_MATCH, createPersonSearch } from '../../src/search/person-search';
import { indexOrder, searchableText } from '../../src/search/exact-index';
import { codePoints, normalise, queryTerms } from '../../src/search/normalise';
import { readBuiltPages } from '../../src/search/read-built-pages';
import { indexFileLoader, searchFacts } from '../support/search-index';
import { spellings } from '../support/pinyin-spellings';
import { fixtureSite } from '../support/sites';

const { dist, root } = fixtureSite('proceedings');

// Pages in the index's order, and each one's normalised text: the ground truth is plain substring search.
const facts = searchFacts(root);
const pages = () => indexOrder(readBuiltPages(dist, facts));
const load = indexFileLoader(dist);

function truth(all: ReturnType<typeof pages>, query: string): string[] {
	const terms = queryTerms(query);
	return all.filter((p) => terms.every((t) => normalise(searchableText(p)).chars.includes(t))).map((p) => p.url).sort();
}
async function exact(all: ReturnType<typeof pages>, query: string): Promise<string[]> {
	const result = await createExactSearch(load).search(query);
	return result.matches.map((m) => all[m.page]!.url).sort();
}

// Names in each form, mid-word substrings, mixed script, width and case folding, several terms, no match.
test.each([
	'张林峰', '维南', '胶质瘤', '模态数据', '平扫CT', '平扫 ct', 'ＤＰＡ－１', 'DPA-1', 'E Weinan', 'Weinan E', 'eweinan',
	'Hugo Aerts', '雨果•彼得', '雨果·彼得', 'AI for Science', '人工智能 医疗', '5G-A', '“四梁N柱”',
])('%s: every page that contains it, and no other', async (query) => {
	const all = pages();
	const want = truth(all, query);
	expect(want.length).toBeGreaterThan(0);
	expect(await exact(all, query)).toEqual(want);
});

// What a reader in Hong Kong or Taiwan types: the traditional form has exactly the matches of the simplified one.
test.each([
	['醫學影像', '医学影像'],
	['腫瘤', '肿瘤'],
	['鄂維南', '鄂维南'],
	['深度學習', '深度学习'],
	['張林峰', '张林峰'],
])('%s (traditional) finds exactly what %s finds', async (traditional, simplified) => {
	const all = pages();
	const want = await exact(all, simplified);
	expect(want.length).toBeGreaterThan(0);
	expect(await exact(all, traditional)).toEqual(want);
	// Ground truth from the page text, with no folding of the query's own: pages containing the simplified form as written.
	expect(want).toEqual(all.filter((p) => searchableText(p).replace(/\s+/g, '').includes(simplified)).map((p) => p.url).sort());
});

test('a query no page contains has no exact match', async () => {
	expect(truth(pages(), '量子纠缠')).toEqual([]);
	expect(await exact(pages(), '量子纠缠')).toEqual([]);
});

test('random substrings of page text and random strings: exact results equal ground truth', async () => {
	const all = pages();
	const texts = all.map((p) => codePoints(normalise(searchableText(p)).chars).filter((c) => c !== '\u0001'));
	const substring = fc
		.record({ page: fc.nat(all.length - 1), at: fc.nat(), length: fc.integer({ min: 2, max: 8 }) })
		.map(({ page, at, length }) => {
			const t = texts[page]!;
			const start = at % Math.max(1, t.length - length);
			return t.slice(start, start + length).join('');
		});
	const random = fc.string({ unit: fc.constantFrom(...'人工智能医学影像数据模型科学研究中心北京的是了AIct-1 '), minLength: 2, maxLength: 5 });
	await fc.assert(
		fc.asyncProperty(fc.oneof(substring, random), async (query) => {
			// Exactness is promised for terms of two or more characters; shorter ones are reported as too short.
			fc.pre(queryTerms(query).every((t) => codePoints(t).length >= 2));
			expect(await exact(all, query)).toEqual(truth(all, query));
		}),
		{ numRuns: 400, seed: 3 },
	);
});

test('one search page, many queries, some at once: the same results whether it keeps every decoded bigram or almost none', async () => {
	const all = pages();
	const texts = all.map((p) => codePoints(normalise(searchableText(p)).chars).filter((c) => c !== '\u0001'));
	// Substrings of page text, so that queries share bigrams and shards.
	const queries = Array.from({ length: 120 }, (_, i) => {
		const t = texts[(i * 7) % texts.length]!;
		const at = (i * 131) % Math.max(1, t.length - 6);
		return t.slice(at, at + 2 + (i % 5)).join('') + (i % 4 === 0 ? ` ${t.slice(at + 10, at + 13).join('')}` : '');
	}).filter((q) => queryTerms(q).every((t) => codePoints(t).length >= 2));
	const keepingAll = createExactSearch(load);
	const keepingNone = createExactSearch(load, { keptBytes: 1 });
	const urls = (r: Awaited<ReturnType<typeof keepingAll.search>>) => r.matches.map((m) => all[m.page]!.url).sort();
	for (let i = 0; i < queries.length; i += 6) {
		const batch = queries.slice(i, i + 6);
		const [a, b] = await Promise.all([Promise.all(batch.map((q) => keepingAll.search(q))), Promise.all(batch.map((q) => keepingNone.search(q)))]);
		batch.forEach((q, k) => {
			expect(urls(a[k]!), q).toEqual(truth(all, q));
			expect(b[k]!.matches.map((m) => [m.page, m.score, m.hits]), q).toEqual(a[k]!.matches.map((m) => [m.page, m.score, m.hits]));
		});
	}
});

test('a speaker’s page ranks first for each of their names', async () => {
	const all = pages();
	const search = createExactSearch(load);
	for (const name of ['鄂维南', 'E Weinan', 'Weinan E', 'eweinan', '雨果•彼得', 'Hugo Aerts', '邢磊']) {
		const { matches } = await search.search(name);
		expect(all[matches[0]!.page]!.url, name).toMatch(/^\/speakers\//);
	}
});

test('topics, series and organisations are found by their names, their page among the first; their lists are not their text', async () => {
	const all = pages();
	const search = createExactSearch(load);
	for (const [query, url] of [['医学影像', '/topics/medical-imaging/'], ['科学智能峰会', '/series/ai-for-science-summit/'], ['北京科学智能研究院', '/organizations/beijing-aisi/'], ['Cell Press', '/organizations/cell-press/']]) {
		const { matches } = await search.search(query!);
		const urls = matches.map((m) => all[m.page]!.url);
		expect(urls, query).toContain(url);
		// Own names rank first: before every page that only mentions the name in its text.
		const own = matches.findIndex((m) => all[m.page]!.url === url);
		expect(matches.slice(0, own).every((m) => all[m.page]!.kind !== '文章' || all[m.page]!.title.includes(query!)), query).toBe(true);
	}
	// A topic page holds its name and description, not the titles of the articles it lists.
	const topic = all.find((p) => p.url === '/topics/medical-imaging/')!;
	expect(topic.kind).toBe('专题');
	for (const article of all.filter((p) => p.kind === '文章')) expect(topic.body).not.toContain(article.title);
});

test('one-character terms cannot be matched exactly and say so', async () => {
	expect(await createExactSearch(load).search('林')).toMatchObject({ tooShort: true, matches: [] });
});

test('links to feeds, downloads and citations are not page text: searching them finds nothing', async () => {
	for (const query of ['订阅本活动的报道', '订阅有关', 'BibTeX', '复制', '引用']) expect([query, await exact(pages(), query)]).toEqual([query, []]);
});

test('several terms never on one page: the pages holding some of them, most terms first, each truly holding them', async () => {
	const all = pages();
	const engine = createExactSearch(load);
	const none = await engine.search('胶质瘤 量子纠缠');
	expect(none.matches).toEqual([]);
	expect(none.partial.map((m) => all[m.page]!.url).sort()).toEqual(truth(all, '胶质瘤'));
	// Three terms: pages with two of them come before pages with one.
	const three = await engine.search('胶质瘤 平扫CT 量子纠缠');
	const held = (url: string) => ['胶质瘤', '平扫CT'].filter((t) => truth(all, t).includes(url)).length;
	const counts = three.partial.map((m) => held(all[m.page]!.url));
	expect(counts.every((c) => c >= 1)).toBe(true);
	expect(counts).toEqual([...counts].sort((a, b) => b - a));
	// One term: no partial list (Pagefind offers related pages then).
	expect((await engine.search('量子纠缠')).partial).toEqual([]);
});

describe('pinyin and initials find people: exactly those whose name data they spell, the person first', () => {
	const all = pages();
	// Ground truth from the name data: each person's pinyin, as the site model gives it, spelled every way.
	const people = all.flatMap((p) => (p.person ? [{ url: p.url, ways: spellings(p.person.syllables, p.person.family), ...p.person }] : []));
	const search = createPersonSearch(load);
	const found = async (q: string) => (await search(q)).map((m) => ({ url: all[m.page]!.url, match: m.match }));
	const rng = fc.sample(fc.nat(), { numRuns: 4 * people.length, seed: 5 });

	test('every person with a Chinese name is listed, with their pinyin', () => {
		expect(people.length).toBeGreaterThan(0);
		expect(people.every((p) => p.syllables.length >= 2)).toBe(true);
	});

	test('initials, and full pinyin in any spacing, case and order: the person is found, and only people the query spells', async () => {
		for (const [i, person] of people.entries()) {
			const initials = [...person.ways].find(([w, m]) => m === NAME_MATCH.INITIALS && w.length === person.syllables.length)![0];
			const given = person.syllables.slice(person.family);
			const family = person.syllables.slice(0, person.family);
			// Written as readers write it: "Dai Qionghai", "qionghai dai", "DAI QIONG HAI", "daiqionghai".
			const spaced = (parts: string[][]) => parts.map((p) => p.join(rng[i]! % 3 === 0 ? ' ' : '')).join(' ');
			const full = [spaced([family, given]), spaced([given, family]), person.syllables.join('')].map((q, k) => (rng[i + k]! % 2 ? q.toUpperCase() : q));
			for (const q of [initials, ...full]) {
				const letters = q.toLowerCase().replace(/[^a-z]/g, '');
				const want = people.filter((p) => p.ways.has(letters)).map((p) => p.url).sort();
				const got = await found(q);
				expect(got.map((g) => g.url).sort(), q).toEqual(want);
				// Typed in full, the person (or a namesake spelled the same) leads.
				if (q !== initials) expect(people.find((p) => p.url === got[0]!.url)!.ways.get(letters), q).toBe(NAME_MATCH.FULL);
			}
		}
	});

	test('a person’s pinyin override is what is searched: wcs and Wan Chongshan find 万重山, mcs and Mo Chongshan do not', async () => {
		for (const q of ['wcs', 'Wan Chongshan', 'chongshan wan']) expect((await found(q)).map((g) => g.url), q).toContain('/speakers/wan-chongshan/');
		for (const q of ['mcs', 'Mo Chongshan']) expect((await found(q)).map((g) => g.url), q).not.toContain('/speakers/wan-chongshan/');
	});

	test('queries that are not pinyin look for no one', async () => {
		for (const q of ['戴琼海', '5G-A', 'AI4S', 'd']) expect(await found(q), q).toEqual([]);
	});
});
