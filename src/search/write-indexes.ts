import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomRecord } from 'pagefind';
import { readCacheFile, readCacheJson, writeFileAtomic } from '../lib/cache-file.ts';
import { fileTree, signatureOf, treeSignature, updatedTree } from '../lib/file-signature.ts';
import { onThread } from '../lib/on-thread.ts';
import { exactIndexFiles, type Manifest, type SearchPage } from './exact-index.ts';
import { indexWriter } from './index-files.ts';
import { NORMALISATION } from './normalise.ts';
import { exactIndexFileCount, exactIndexState, STATE_VERSION, updateExactIndex, type ExactIndexState } from './exact-index-update.ts';
import { pagefindRecords } from './pagefind-records.ts';
import { openBuiltPagesCache, readBuiltPagesInParallel, type BuiltPagesCache, type PageFacts } from './read-built-pages.ts';

/** The folders of the site the indexes are written into: Pagefind's and the exact index's. */
export const INDEX_FOLDERS = ['pagefind', 'search-index'] as const;

export interface WrittenIndexes {
	pages: number;
	exactFiles: number;
	pagefindPages: number;
	/** Whether Pagefind's index was the previous build's, its records being unchanged. */
	pagefindReused: boolean;
	/** How the exact index came about: built whole (and why, when there was a previous one), or patched. */
	exact: { patched: false; reason?: string } | { patched: true; changedPages: number; filesWritten: number };
}

/** What the build log says of the indexes written. */
export function indexReport(written: WrittenIndexes): string {
	const pagefind = written.pagefindReused ? `Pagefind ${written.pagefindPages} 个页面（沿用上次构建）` : `Pagefind ${written.pagefindPages} 个页面`;
	const { exact } = written;
	const how = exact.patched ? `沿用上次构建，更新 ${exact.changedPages} 个页面、改写 ${exact.filesWritten} 个文件` : exact.reason ? `整体重建：${exact.reason}` : '';
	return `检索索引：精确索引 ${written.pages} 个页面（${written.exactFiles} 个文件${how ? `；${how}` : ''}），${pagefind}。`;
}

/**
 * Both search indexes for a built site folder, from one reading of its pages (those `facts` lists: the
 * site model's searchable pages, by URL under the base path): Pagefind's (related results) in
 * /pagefind/ and the exact index in /search-index/, side by side (Pagefind runs in its own process;
 * at 10,000 articles the two peaks together stay under 4 GB, see the README's scale figures). Each folder is replaced or, with a cache, brought up to date in place:
 * an incremental build keeps dist/.
 *
 * With a `cacheDir`, work the last build did is kept there and reused: pages whose HTML did not
 * change are not parsed again, Pagefind does not run when its records are all the same, and the
 * exact index is kept there and patched for the pages that changed (linked into the site).
 */
export async function writeSearchIndexes(
	site: string,
	facts: Map<string, PageFacts>,
	{ cacheDir, base = '/', prepared = cacheDir === undefined ? undefined : prepareSearchIndexes(cacheDir) }: { cacheDir?: string; base?: string; prepared?: PreparedIndexes } = {},
): Promise<WrittenIndexes> {
	if (cacheDir) mkdirSync(cacheDir, { recursive: true });
	const changed = new Map<string, SearchPage | null>();
	const pages = await readBuiltPagesInParallel(site, facts, { base, cache: prepared?.pages, changed });

	const records = pagefindRecords(pages);
	// Pagefind indexes in its own process while this one builds the exact index: at 1,000 articles
	// the step took 12.3 + 3.1 s one after the other, 12.7 s side by side.
	const [pagefindReused, exact] = await Promise.all([
		placePagefindIndex(join(site, 'pagefind'), records, cacheDir),
		placeExactIndex(join(site, 'search-index'), pages, cacheDir, changed, prepared?.exact),
	]);
	return { pages: pages.length, exactFiles: exactIndexFileCount(exact.manifest), pagefindPages: records.length, pagefindReused, exact: exact.how };
}

/**
 * What the index step reads of its cache before it looks at any page: the page cache, and the kept
 * exact index's state and files. Only the index step writes them, so `npm run build` reads them on
 * its own core while Astro builds the pages (src/cli/build.ts): ~3 s of a rebuild at 100,000 articles.
 */
export interface PreparedIndexes {
	pages: BuiltPagesCache;
	exact: { saved: { tree?: string; state?: ExactIndexState } | undefined; tree: Map<string, string> };
}

export const prepareSearchIndexes = (cacheDir: string): PreparedIndexes => ({ pages: openBuiltPagesCache(join(cacheDir, 'search-pages.jsonl')), exact: keptExactIndex(cacheDir) });

/** The kept exact index's saved state and its files' signatures. */
const keptExactIndex = (cacheDir: string): PreparedIndexes['exact'] => ({
	saved: readCacheJson(join(cacheDir, 'exact-index.json')) as PreparedIndexes['exact']['saved'],
	tree: fileTree(join(cacheDir, 'exact-index')),
});

/**
 * Pagefind's index of `records` in `target`; returns whether the last build's was reused. With a
 * cache, Pagefind writes into it and the result is linked in; it runs only when the records changed,
 * and a target already linked to the kept index (dist/ is kept between builds) is left as it is.
 */
async function placePagefindIndex(target: string, records: CustomRecord[], cacheDir: string | undefined): Promise<boolean> {
	if (!cacheDir) {
		rmSync(target, { recursive: true, force: true });
		await runPagefind(records, target);
		return false;
	}
	const kept = join(cacheDir, 'pagefind');
	const digestFile = join(cacheDir, 'pagefind.sha1');
	// Record by record: the records of 100,000 pages as one JSON text would be ~100 MB.
	const hash = createHash('sha1');
	for (const record of records) hash.update(JSON.stringify(record));
	const digest = hash.digest('base64url');
	// The digest file names the records and the files Pagefind made of them, as it left them.
	const reused = readCacheFile(digestFile, String) === `${digest} ${treeSignature(kept)}`;
	if (!reused) {
		rmSync(digestFile, { force: true });
		rmSync(kept, { recursive: true, force: true });
		await runPagefind(records, kept);
	}
	// Pagefind writes its entry file anew on every run: the same file in both means the same index.
	if (!sameFile(join(kept, 'pagefind-entry.json'), join(target, 'pagefind-entry.json'))) replaceWithLinks(kept, target);
	if (!reused) writeFileAtomic(digestFile, `${digest} ${treeSignature(kept)}`);
	return reused;
}

/**
 * Pagefind's index of `records` in `outputPath`. Pagefind indexes in a process of its own, and is
 * driven from a thread of its own: this thread is busy with the exact index meanwhile, and Pagefind's
 * requests and answers would otherwise wait for it (at 5,000 articles Pagefind's process stood idle
 * ~2.7 s before it was given its first record).
 */
export const runPagefind = (records: CustomRecord[], outputPath: string): Promise<void> =>
	// Pagefind's process can stop without an answer (it panics when it cannot write its files): the
	// thread then ends with its work unsettled, and Pagefind's own report is in the output above.
	onThread(new URL('./pagefind-worker.ts', import.meta.url), { records, outputPath }, (code) => `Pagefind 没有写完检索索引（线程退出，代码 ${code}）：原因见上方 Pagefind 的输出；请确认 ${outputPath} 所在的文件夹可写，再重新构建。`);

/**
 * The exact index in `target`. Without a cache, written there whole. With one, the index kept in
 * the cache is patched for the changed pages (or built whole when it cannot be) and linked in:
 * only the files the patch wrote, when `target` holds links to the kept index already.
 */
async function placeExactIndex(target: string, pages: SearchPage[], cacheDir: string | undefined, changed: Map<string, SearchPage | null>, prepared?: PreparedIndexes['exact']) {
	if (!cacheDir) {
		rmSync(target, { recursive: true, force: true });
		return { manifest: await writeExactIndex(pages, target), how: { patched: false } as const };
	}
	const kept = join(cacheDir, 'exact-index');
	const stateFile = join(cacheDir, 'exact-index.json');
	// The state is trusted only for the very files it was saved with (a file cut short or edited is not patched).
	const { saved, tree } = prepared ?? keptExactIndex(cacheDir);
	const state = saved?.tree === signatureOf(tree) ? saved.state : undefined;
	// filters.json is written anew on every change, so: same file in both, same index.
	const linked = ['manifest.json', 'filters.json'].every((f) => sameFile(join(kept, f), join(target, f)));
	// Gone while the kept index is being changed: a build that stops half way leaves no state to trust.
	rmSync(stateFile, { force: true });
	const update = state?.version === STATE_VERSION && state.normalisation === NORMALISATION ? await updateExactIndex(kept, state, pages, (url) => changed.get(url)) : { reason: undefined };
	let next: ExactIndexState;
	let how: WrittenIndexes['exact'];
	if ('state' in update) {
		next = update.state;
		how = { patched: true, changedPages: update.changedPages, filesWritten: update.written.length };
	} else {
		rmSync(kept, { recursive: true, force: true });
		next = exactIndexState(pages, await writeExactIndex(pages, kept));
		how = { patched: false, reason: update.reason };
	}
	if (linked && 'state' in update && !update.rebundled) {
		for (const path of update.written) {
			rmSync(join(target, path), { force: true });
			link(join(kept, path), join(target, path));
		}
	} else {
		replaceWithLinks(kept, target);
	}
	// A patch's files are signed again; the others were checked above. Anything else is walked again.
	const after = 'state' in update && !update.rebundled ? signatureOf(updatedTree(kept, tree, update.written)) : treeSignature(kept);
	writeFileAtomic(stateFile, JSON.stringify({ tree: after, state: next }));
	return { manifest: next.manifest, how };
}

/** Whether two paths are one file (hard links of each other). */
function sameFile(a: string, b: string): boolean {
	if (!existsSync(a) || !existsSync(b)) return false;
	const [x, y] = [statSync(a), statSync(b)];
	return x.ino === y.ino && x.dev === y.dev;
}

/** The exact index of `pages`, written whole into `folder`; returns its manifest. */
export async function writeExactIndex(pages: SearchPage[], folder: string): Promise<Manifest> {
	let manifest: Manifest | undefined;
	const writer = indexWriter(folder);
	for (const [path, content] of exactIndexFiles(pages)) {
		await writer.write(path, content);
		if (path === 'manifest.json') manifest = JSON.parse(content as string);
	}
	await writer.done();
	return manifest!;
}

/**
 * `target` replaced by links to every file of `kept`, made beside it and renamed into place: a build
 * killed half way leaves the old folder or none, never one whose entry file is linked and the rest
 * missing (which the next build would take for up to date).
 */
function replaceWithLinks(kept: string, target: string) {
	const fresh = `${target}.${process.pid}.tmp`;
	rmSync(fresh, { recursive: true, force: true });
	linkTree(kept, fresh);
	rmSync(target, { recursive: true, force: true });
	renameSync(fresh, target);
}

/** Every file of `from` at the same place under `to`. */
function linkTree(from: string, to: string) {
	mkdirSync(to, { recursive: true });
	for (const entry of readdirSync(from, { withFileTypes: true })) {
		const [source, target] = [join(from, entry.name), join(to, entry.name)];
		if (entry.isDirectory()) linkTree(source, target);
		else link(source, target);
	}
}

/** A hard link (no bytes copied; files in the cache are replaced, never rewritten in place), or a copy across file systems. */
function link(source: string, target: string) {
	try {
		linkSync(source, target);
	} catch {
		copyFileSync(source, target);
	}
}
