import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { exactIndexFiles, type Manifest, type SearchPage } from './exact-index';
import { exactIndexFileCount, exactIndexState, updateExactIndex, type ExactIndexState } from './exact-index-update';
import { pagefindRecords } from './pagefind-records';
import { readBuiltPages } from './read-built-pages';

export interface WrittenIndexes {
	pages: number;
	exactFiles: number;
	pagefindPages: number;
	/** Whether Pagefind's index was the previous build's, its records being unchanged. */
	pagefindReused: boolean;
	/** How the exact index came about: built whole (and why, when there was a previous one), or patched. */
	exact: { patched: false; reason?: string } | { patched: true; changedPages: number; filesWritten: number };
}

/**
 * Both search indexes for a built site folder, from one reading of its pages: Pagefind's (related
 * results) in /pagefind/, then the exact index in /search-index/ — one after the other, so their
 * memory peaks do not add up. Each folder is emptied first: an incremental build keeps dist/.
 *
 * With a `cacheDir`, work the last build did is kept there and reused: pages whose HTML did not
 * change are not parsed again, Pagefind does not run when its records are all the same, and the
 * exact index is kept there and patched for the pages that changed (linked into the site).
 */
export async function writeSearchIndexes(site: string, { cacheDir }: { cacheDir?: string } = {}): Promise<WrittenIndexes> {
	if (cacheDir) mkdirSync(cacheDir, { recursive: true });
	const changed = new Map<string, SearchPage | null>();
	const pages = readBuiltPages(site, { cacheFile: cacheDir && join(cacheDir, 'search-pages.json'), changed });

	const records = pagefindRecords(pages);
	const output = join(site, 'pagefind');
	rmSync(output, { recursive: true, force: true });
	const saved = cacheDir ? savedPagefind(cacheDir, records) : undefined;
	const pagefindReused = Boolean(saved?.fresh);
	if (saved?.fresh) cpSync(saved.folder, output, { recursive: true });
	else {
		const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
		if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
		for (const record of records) {
			const added = await index.addCustomRecord(record);
			if (added.errors.length) throw new Error(`Pagefind, ${record.url}: ${added.errors.join('; ')}`);
		}
		const written = await index.writeFiles({ outputPath: output });
		if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
		await pagefind.close();
		saved?.keep(output);
	}

	const exact = placeExactIndex(join(site, 'search-index'), pages, cacheDir, changed);
	return { pages: pages.length, exactFiles: exactIndexFileCount(exact.manifest), pagefindPages: records.length, pagefindReused, exact: exact.how };
}

/**
 * The exact index in `target`. Without a cache, written there whole. With one, the index kept in
 * the cache is patched for the changed pages (or built whole when it cannot be) and linked in.
 */
function placeExactIndex(target: string, pages: SearchPage[], cacheDir: string | undefined, changed: Map<string, SearchPage | null>) {
	rmSync(target, { recursive: true, force: true });
	if (!cacheDir) return { manifest: writeExactIndex(pages, target), how: { patched: false } as const };
	const kept = join(cacheDir, 'exact-index');
	const stateFile = join(cacheDir, 'exact-index.json');
	const state: ExactIndexState | undefined = existsSync(stateFile) && existsSync(kept) ? JSON.parse(readFileSync(stateFile, 'utf8')) : undefined;
	// Gone while the kept index is being changed: a build that stops half way leaves no state to trust.
	rmSync(stateFile, { force: true });
	const update = state?.version === 1 ? updateExactIndex(kept, state, pages, (url) => changed.get(url)) : { reason: undefined };
	let next: ExactIndexState;
	let how: WrittenIndexes['exact'];
	if ('state' in update) {
		next = update.state;
		how = { patched: true, changedPages: update.changedPages, filesWritten: update.filesWritten };
	} else {
		rmSync(kept, { recursive: true, force: true });
		next = exactIndexState(pages, writeExactIndex(pages, kept));
		how = { patched: false, reason: update.reason };
	}
	writeFileSync(stateFile, JSON.stringify(next));
	linkTree(kept, target);
	return { manifest: next.manifest, how };
}

/** The exact index of `pages`, written whole into `folder`; returns its manifest. */
function writeExactIndex(pages: SearchPage[], folder: string): Manifest {
	let manifest: Manifest | undefined;
	for (const [path, content] of exactIndexFiles(pages)) {
		const target = join(folder, path);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, content);
		if (path === 'manifest.json') manifest = JSON.parse(content);
	}
	return manifest!;
}

/** Every file of `from` at the same place under `to`: hard links (no bytes copied), copies across file systems. */
function linkTree(from: string, to: string) {
	mkdirSync(to, { recursive: true });
	for (const entry of readdirSync(from, { withFileTypes: true })) {
		const [source, target] = [join(from, entry.name), join(to, entry.name)];
		if (entry.isDirectory()) linkTree(source, target);
		else {
			try {
				linkSync(source, target);
			} catch {
				copyFileSync(source, target);
			}
		}
	}
}

/**
 * The last build's Pagefind output in the cache, `fresh` when it was made from these very records;
 * `keep` stores a new output in its place.
 */
function savedPagefind(cacheDir: string, records: object[]) {
	const folder = join(cacheDir, 'pagefind');
	const digestFile = join(cacheDir, 'pagefind.sha1');
	const digest = createHash('sha1').update(JSON.stringify(records)).digest('base64url');
	return {
		folder,
		fresh: existsSync(folder) && existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest,
		keep(output: string) {
			rmSync(folder, { recursive: true, force: true });
			cpSync(output, folder, { recursive: true });
			writeFileSync(digestFile, digest);
		},
	};
}
