import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { normalise, provingBigrams, queryTerms } from '../../src/search/normalise';
import { SITES } from '../support/sites';

const fixture = SITES.proceedings.root;

/** The definition: every character NFKC-folded and lowercased on its own, white space dropped. */
const reference = (text: string) => [...text].flatMap((ch) => [...ch.normalize('NFKC').toLowerCase()]).filter((c) => !/\s/u.test(c)).join('');

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
