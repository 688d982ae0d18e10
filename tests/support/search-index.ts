import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Loader } from '../../src/search/exact-search';

/** Reads a built site's exact-index files from disk, as the search page fetches them. */
export const indexFileLoader =
	(site: string): Loader =>
	async (path) => {
		const text = readFileSync(join(site, 'search-index', path), 'utf8');
		return path.endsWith('.json') ? JSON.parse(text) : text;
	};

/** Every file of an exact-index folder, parsed: what a reader's browser gets, key order aside. */
export function indexFolderFiles(folder: string, dir = folder): Record<string, unknown> {
	return Object.fromEntries(
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory() ? Object.entries(indexFolderFiles(folder, join(dir, e.name))) : [[relative(folder, join(dir, e.name)), JSON.parse(readFileSync(join(dir, e.name), 'utf8'))]],
		),
	);
}
