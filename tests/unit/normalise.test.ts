import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import * as OpenCC from 'opencc-js';
import { VARIANTS } from '../../src/search/fold-variants';
import { normalise, provingBigrams, queryTerms } from '../../src/search/normalise';
import { SITES } from '../support/sites';

const fixture = SITES.proceedings.root;

/** The definition: every character NFKC-folded, lowercased and made simplified on its own, white space dropped. */
const reference = (text: string) =>
	[...text]
		.flatMap((ch) => [...ch.normalize('NFKC').toLowerCase()])
		.filter((c) => !/\s/u.test(c) && !'\u00b7\u2022\u30fb\u2027'.includes(c))
		.map((c) => VARIANTS.get(c) ?? c)
		.join('');

test('the fast path gives exactly the defined normalisation, on the seeds and on any text', () => {
	const seeds = readdirSync(join(fixture, 'seeds')).map((f) => readFileSync(join(fixture, 'seeds', f), 'utf8')).join('');
	expect(normalise(seeds).chars).toBe(reference(seeds));
	fc.assert(
		fc.property(fc.string({ unit: "grapheme" }), (s) => {
			expect(normalise(s).chars).toBe(reference(s));
		}),
		{ numRuns: 500, seed: 1 },
	);
});

test('full-width, case and spaces fold; the map points back into the original', () => {
	const { chars, map } = normalise('平扫 ＣＴ');
	expect(chars).toBe('平扫ct');
	expect(map).toEqual([0, 1, 3, 4]);
});

test('query terms: spaces separate terms, a single character joins its neighbour', () => {
	expect(queryTerms('人工智能  医疗')).toEqual(['人工智能', '医疗']);
	expect(queryTerms('E Weinan')).toEqual(['eweinan']);
	expect(queryTerms('Weinan E')).toEqual(['weinane']);
	expect(queryTerms('ＤＰＡ－１')).toEqual(['dpa-1']);
});

test('the proving bigrams of a term cover every character, at their offsets', () => {
	expect(provingBigrams('张林峰')).toEqual([{ bigram: '张林', offset: 0 }, { bigram: '林峰', offset: 1 }]);
	expect(provingBigrams('模态数据')).toEqual([{ bigram: '模态', offset: 0 }, { bigram: '数据', offset: 2 }]);
	expect(provingBigrams('林')).toEqual([]);
});

test('traditional characters fold to simplified, one for one: 醫學影像 is 医学影像, and the excerpt map still points at the characters as written', () => {
	expect(normalise('醫學影像').chars).toBe(normalise('医学影像').chars);
	expect(normalise('鄂維南談深度學習').chars).toBe('鄂维南谈深度学习');
	const { chars, map } = normalise('《腫瘤》 AI');
	expect(chars).toBe('《肿瘤》ai');
	expect(map).toEqual([0, 1, 2, 3, 5, 6]);
	// 著 is left as it is (著作), as OpenCC leaves it.
	expect(normalise('著作').chars).toBe('著作');
});

test("the fold table is OpenCC's own conversion of each character on its own (opencc-js, traditional → mainland)", () => {
	const convert = OpenCC.Converter({ from: 't', to: 'cn' });
	expect([...VARIANTS].filter(([from, to]) => convert(from) !== to)).toEqual([]);
	expect(VARIANTS.size).toBeGreaterThan(3000);
});

test('any text and its character-by-character simplified form normalise alike, so a traditional query has exactly the matches of its simplified form', () => {
	const simplify = (t: string) => [...t].map((c) => VARIANTS.get(c) ?? c).join('');
	const han = fc.constantFrom(...[...VARIANTS.keys()].slice(0, 300), ...[...VARIANTS.values()].slice(0, 300), '的', '会', 'A', ' ', '·');
	fc.assert(
		fc.property(fc.array(han, { maxLength: 30 }).map((a) => a.join('')), (text) => {
			expect(normalise(text).chars).toBe(normalise(simplify(text)).chars);
		}),
		{ numRuns: 500, seed: 20261203 },
	);
});

test('every way of writing the dot in a foreign name, or none, is one query; a space alone separates two terms', () => {
	const forms = ['雨果·彼得', '雨果•彼得', '雨果・彼得', '雨果‧彼得', '雨果･彼得', '雨果彼得', '雨果• 彼得'];
	expect(new Set(forms.map((f) => normalise(f).chars))).toEqual(new Set(['雨果彼得']));
	expect(new Set(forms.map((f) => queryTerms(f).join('|')))).toEqual(new Set(['雨果彼得', '雨果|彼得']));
	expect(queryTerms('雨果·彼得')).toEqual(['雨果彼得']);
	expect(queryTerms('雨果 彼得')).toEqual(['雨果', '彼得']);
	// Positions still point at the characters as written, so the excerpt marks 雨果·彼得 whole.
	expect(normalise('雨果·彼得').map).toEqual([0, 1, 3, 4]);
});
