import type { SearchEntry } from '../lib/site-model';

/**
 * The searchable pages of the site model the pages were rendered from, handed from the pages'
 * bundle (src/lib/site.ts) to the integration that leaves them to the index step, in the same
 * process: building the model a second time there took 2.9 s at 100,000 articles. Keyed by base
 * path, since URLs in the model are under it; absent (a build that rendered no page) the
 * integration builds the model itself.
 */
const KEY = Symbol.for('huiji.search-entries');
type Handoff = { base: string; entries: readonly SearchEntry[] };

export const handOverSearchEntries = (base: string, entries: readonly SearchEntry[]) => {
	(globalThis as { [KEY]?: Handoff })[KEY] = { base, entries };
};

export const handedOverSearchEntries = (base: string): readonly SearchEntry[] | undefined => {
	const handoff = (globalThis as { [KEY]?: Handoff })[KEY];
	return handoff?.base === base ? handoff.entries : undefined;
};
