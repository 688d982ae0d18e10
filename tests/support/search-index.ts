import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader } from '../../src/search/exact-search';

/** Reads a built site's exact-index files from disk, as the search page fetches them. */
export const indexFileLoader =
	(site: string): Loader =>
	async (path) => {
		const text = readFileSync(join(site, 'search-index', path), 'utf8');
		return path.endsWith('.json') ? JSON.parse(text) : text;
	};
