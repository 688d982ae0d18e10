import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSiteModel } from '../../src/lib/site-model';
import type { Loader } from '../../src/search/exact-search';
import { readIndexFile, readSearchedIndexFile } from '../../src/search/index-files';
import type { PageFacts } from '../../src/search/read-built-pages';
import { loadRecords } from './content';

/** Reads a built site's exact-index files from disk, as the search page fetches and inflates them. */
export const indexFileLoader =
	(site: string): Loader =>
	async (path) =>
		readSearchedIndexFile(join(site, 'search-index'), path);

/** Every file of an exact-index folder, parsed: what a reader's browser gets, key order aside. */
export function indexFolderFiles(folder: string, dir = folder): Record<string, unknown> {
	return Object.fromEntries(
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory() ? Object.entries(indexFolderFiles(folder, join(dir, e.name))) : [[relative(folder, join(dir, e.name)), readIndexFile(dir, e.name)]],
		),
	);
}

/** What the site model says of each searchable page of the site whose content is in `contentRoot`, as a build gives the indexer. */
export function searchFacts(contentRoot: string, base = '/'): Map<string, PageFacts> {
	return new Map(buildSiteModel(loadRecords(contentRoot), { base }).searchEntries.map((e) => [e.url, e]));
}
