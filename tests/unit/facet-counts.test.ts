import fc from 'fast-check';
import { expect, test } from 'vitest';
import { MIN_HIDDEN, facetGroups, type Facets } from '../../src/search/facet-counts';

const KEYS = ['kind', 'speaker'] as const;
const collator = new Intl.Collator('zh-CN');

/** The panel as the search page computed it before: every match tested against every value. */
function bruteForce(pages: number[], facets: Facets, chosen: Map<string, string[]>) {
	return KEYS.map((key) => {
		const known = facets.get(key) ?? new Map<string, Set<number>>();
		const unknown = (chosen.get(key) ?? []).filter((v) => !known.has(v)).map((v) => [v, new Set<number>()] as const);
		return [...known, ...unknown]
			.map(([value, set]) => ({ value, count: pages.filter((p) => set.has(p)).length, chosen: chosen.get(key)?.includes(value) ?? false }))
			.filter((o) => o.count > 0 || o.chosen)
			.sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
	});
}

const arbitraryCase = fc
	.record({
		pageCount: fc.integer({ min: 1, max: 60 }),
		values: fc.uniqueArray(fc.constantFrom('张三', '李四', '王五', '赵六', 'Hugo Aerts', '鄂维南', '文章', '活动', 'a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 14 }),
	})
	.chain(({ pageCount, values }) =>
		fc.record({
			pages: fc.uniqueArray(fc.integer({ min: 0, max: pageCount - 1 })),
			facets: fc.tuple(...KEYS.map(() => fc.array(fc.tuple(fc.constantFrom(...values, 'x'), fc.uniqueArray(fc.integer({ min: 0, max: pageCount - 1 }))), { maxLength: 12 }))),
			chosen: fc.tuple(...KEYS.map(() => fc.uniqueArray(fc.constantFrom(...values, 'bogus'), { maxLength: 3 }))),
			limit: fc.integer({ min: 1, max: 8 }),
		}),
	);

test('counts are the brute-force counts; a long group lists its commonest `limit` values and the chosen ones, the rest counted as hidden', () => {
	fc.assert(
		fc.property(arbitraryCase, ({ pages, facets: raw, chosen: rawChosen, limit }) => {
			const facets: Facets = new Map(KEYS.map((k, i) => [k, new Map(raw[i]!.map(([v, ps]) => [v, new Set(ps)]))]));
			const chosen = new Map(KEYS.map((k, i) => [k, rawChosen[i]!] as const).filter(([, v]) => v.length > 0));
			const truth = bruteForce(pages, facets, chosen);
			const full = facetGroups(KEYS, pages, facets, chosen, { limit, expanded: new Set(KEYS) });
			expect(full.map((g) => g.options)).toEqual(truth);
			expect(full.every((g) => g.hidden === 0)).toBe(true);
			const capped = facetGroups(KEYS, pages, facets, chosen, { limit, expanded: new Set() });
			capped.forEach((g, i) => {
				const all = truth[i]!;
				expect(g.options).toEqual(all.length < limit + MIN_HIDDEN ? all : all.filter((o, k) => k < limit || o.chosen));
				expect(g.hidden).toBe(all.length - g.options.length);
			});
		}),
		{ numRuns: 500 },
	);
});

test('a group opened in full lists every value; the others stay capped', () => {
	const facets: Facets = new Map([
		['kind', new Map([['文章', new Set([0, 1, 2])]])],
		['speaker', new Map(Array.from({ length: 30 }, (_, i) => [`嘉宾${i}`, new Set([i % 3])] as const))],
	]);
	const [kind, speaker] = facetGroups(KEYS, [0, 1, 2], facets, new Map([['speaker', ['嘉宾29']]]), { limit: 10, expanded: new Set(['kind']) });
	expect(kind!.options).toEqual([{ value: '文章', count: 3, chosen: false }]);
	expect(speaker!.options.length).toBe(11);
	expect(speaker!.options.at(-1)).toEqual({ value: '嘉宾29', count: 1, chosen: true });
	expect(speaker!.hidden).toBe(19);
	// Four more than the limit: all listed, no button for so few.
	const fourteen: Facets = new Map([['speaker', new Map(Array.from({ length: 14 }, (_, i) => [`嘉宾${i}`, new Set([0])] as const))]]);
	const [, short] = facetGroups(KEYS, [0], fourteen, new Map(), { limit: 10, expanded: new Set() });
	expect([short!.options.length, short!.hidden]).toEqual([14, 0]);
});
