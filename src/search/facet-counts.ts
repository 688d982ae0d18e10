/** Facet → value → the pages that have it (exact-search's `facets()`, from filters.json). */
export type Facets = Map<string, Map<string, Set<number>>>;

export interface FacetOption {
	value: string;
	/** Exact matches with this value. */
	count: number;
	chosen: boolean;
}

export interface FacetGroup<K extends string = string> {
	key: K;
	/** What the panel lists: the most frequent values, then any chosen value not among them. */
	options: FacetOption[];
	/** Values with matches that are not listed until the reader asks for all of them. */
	hidden: number;
}

const collator = new Intl.Collator('zh-CN');
/** A group is cut only when this many values or more would be hidden: a button for one or two saves no room. */
export const MIN_HIDDEN = 5;

/**
 * The filter panel's groups for a set of exact matches: each value's number of matches, values with
 * none left out unless chosen (a value from an old or mistyped link stays listed, so it can be
 * unchecked), most matches first, ties in Chinese collation order. A group that would hide
 * MIN_HIDDEN values or more lists its first `limit` and the chosen ones, unless it is in `expanded`.
 *
 * Counted by marking the matched pages once and walking each value's pages: linear in the facets'
 * size. Testing every match against every value instead was 22,038 values × 114,032 matches for one
 * query on the 100,000-article archive (2.5 billion lookups: minutes of the search page's thread).
 */
export function facetGroups<K extends string>(
	keys: readonly K[],
	pages: readonly number[],
	facets: Facets,
	chosen: ReadonlyMap<string, readonly string[]>,
	{ limit, expanded }: { limit: number; expanded: ReadonlySet<string> },
): FacetGroup<K>[] {
	const matched = new Uint8Array(pages.reduce((max, p) => Math.max(max, p + 1), 0));
	for (const p of pages) matched[p] = 1;
	return keys.map((key) => {
		const known = facets.get(key) ?? new Map<string, Set<number>>();
		const picked = new Set(chosen.get(key) ?? []);
		const all: FacetOption[] = [];
		for (const [value, set] of known) {
			let count = 0;
			for (const p of set) count += matched[p] ?? 0;
			if (count > 0 || picked.has(value)) all.push({ value, count, chosen: picked.has(value) });
		}
		for (const value of picked) if (!known.has(value)) all.push({ value, count: 0, chosen: true });
		all.sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
		if (expanded.has(key) || all.length < limit + MIN_HIDDEN) return { key, options: all, hidden: 0 };
		const options = all.filter((o, i) => i < limit || o.chosen);
		return { key, options, hidden: all.length - options.length };
	});
}
