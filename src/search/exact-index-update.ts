import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { onThread } from '../lib/on-thread.ts';
import { docsFile, docsFileSize, filtersFile, indexOrder, peopleFile, regions, shardCount, shardFile, type Manifest, type SearchPage } from './exact-index.ts';
import { indexWriter } from './index-files.ts';
import { NORMALISATION, codePoints, shardOf } from './normalise.ts';
import { bodyLengthOf, hashOf, pageHash } from './page-digest.ts';

export const STATE_VERSION = 5;

/** What an exact index on disk was made of, saved beside it so the next build can patch it. */
export interface ExactIndexState {
	/** 5 since each page's first offset is packed (postings.ts): a kept index of another version is built whole, not patched. */
	version: typeof STATE_VERSION;
	/** The normalisation its bigrams were made with: an index of another is rebuilt, not patched. */
	normalisation: number;
	/** Page URLs in index order (page n of the index is order[n]). */
	order: string[];
	/** For each page, in the same order, a hash of everything the index holds of it. */
	hashes: string[];
	manifest: Manifest;
}

/** The state of an index just built whole from `pages`. */
export function exactIndexState(pages: SearchPage[], manifest: Manifest): ExactIndexState {
	const ordered = indexOrder(pages);
	return { version: STATE_VERSION, normalisation: NORMALISATION, order: ordered.map((p) => p.url), hashes: ordered.map(hashOf), manifest };
}

/** Files of an index with this manifest: manifest, shards, docs, filters, people. */
export const exactIndexFileCount = (m: Manifest) => 3 + m.shards + Math.ceil(m.pages / m.docsPerFile);

/** Bigram → ascending offsets of one page, numbered as exactIndexFiles numbers them. */
function pagePostings(p: SearchPage): Map<string, number[]> {
	const out = new Map<string, number[]>();
	for (const { start, text } of regions(p)) {
		const chars = codePoints(text);
		for (let i = 1; i < chars.length; i++) {
			const bigram = chars[i - 1]! + chars[i]!;
			(out.get(bigram) ?? out.set(bigram, []).get(bigram)!).push(start + i - 1);
		}
	}
	return out;
}

/** Per shard file, per bigram: the pages whose postings change, and their new offsets ([] = gone). */
export type ShardEdits = Map<string, Map<string, Map<number, number[]>>>;

const sameOffsets = (a: number[] | undefined, b: number[] | undefined) => a?.length === b?.length && (a ?? []).every((x, i) => x === b![i]);

/**
 * Brings the exact index in `folder`, described by `state`, up to date with `pages` by rewriting
 * only the files the changed pages touch: the shards of bigrams whose postings for those pages
 * differ, their docs files, filters.json and people.json. Editing one article of 10,000 rewrites a few dozen
 * files instead of 16,000 and skips the whole-index passes.
 *
 * `before(url)` is the last build's reading of a changed page. Returns why it cannot patch when the
 * page numbering would change (pages added, removed or re-dated), when the shard count would, or
 * when an old page is unknown: the caller then builds the index whole.
 * A file it replaces is removed first, never rewritten in place (copies may be hard links).
 */
export async function updateExactIndex(
	folder: string,
	state: ExactIndexState,
	pages: SearchPage[],
	before: (url: string) => SearchPage | null | undefined,
): Promise<{ state: ExactIndexState; changedPages: number; written: string[]; rebundled: boolean } | { reason: string }> {
	const ordered = indexOrder(pages);
	if (ordered.length !== state.order.length || ordered.some((p, i) => p.url !== state.order[i])) return { reason: '页面有增删或日期变动' };
	if (shardCount(ordered.reduce((n, p) => n + bodyLengthOf(p), 0)) !== state.manifest.shards) return { reason: '分片数变化' };
	// On a small site the docs are bundled by size, and a bundle's size moves with any edit: then all
	// docs files are written again (the docs are a small part of the index; the shards are the bulk).
	const manifest: Manifest = { ...state.manifest, docsPerFile: docsFileSize(ordered) };
	const rebundled = manifest.docsPerFile !== state.manifest.docsPerFile;

	// Known from the page cache for pages whose bodies it has not read: unchanged pages are not read.
	const hashes = ordered.map(hashOf);
	const changed = hashes.flatMap((h, i) => (h === state.hashes[i] ? [] : [i]));
	const edits: ShardEdits = new Map();
	for (const page of changed) {
		const old = before(ordered[page]!.url);
		// Hashed from the body as read, not from the cache's record: a wrong old body builds the index whole.
		if (!old || pageHash(old) !== state.hashes[page]) return { reason: '缺少上次构建的页面内容' };
		const was = pagePostings(old);
		const now = pagePostings(ordered[page]!);
		for (const bigram of new Set([...was.keys(), ...now.keys()])) {
			if (sameOffsets(was.get(bigram), now.get(bigram))) continue;
			const shard = shardFile(shardOf(bigram, manifest.shards));
			const inShard = edits.get(shard) ?? edits.set(shard, new Map()).get(shard)!;
			(inShard.get(bigram) ?? inShard.set(bigram, new Map()).get(bigram)!).set(page, now.get(bigram) ?? []);
		}
	}

	// The shards are patched on a thread of their own (./patch-shards-worker.ts), which reads every one
	// (and can fail) before it writes any; the rest is written here meanwhile.
	const shardsWritten = edits.size ? onThread<string[] | null>(new URL('./patch-shards-worker.ts', import.meta.url), { folder, edits }, (code) => `检索索引的分片没有改写完（线程退出，代码 ${code}）：请确认 ${folder} 可写，再重新构建。`) : Promise.resolve([]);
	// Awaited below, once the rest is written; a failure meanwhile is not an unhandled rejection.
	shardsWritten.catch(() => undefined);
	const written: string[] = [];
	const writer = indexWriter(folder);
	const write = (path: string, content: string | Uint8Array) => {
		written.push(path);
		return writer.write(path, content);
	};
	const per = manifest.docsPerFile;
	const docFiles = rebundled ? ordered.flatMap((_, page) => (page % per ? [] : [page / per])) : [...new Set(changed.map((page) => Math.floor(page / per)))];
	if (rebundled) {
		rmSync(join(folder, 'docs'), { recursive: true, force: true });
		mkdirSync(join(folder, 'docs'));
		await write('manifest.json', JSON.stringify(manifest));
	}
	for (const n of docFiles) await write(...docsFile(ordered, n, per));
	if (changed.length) {
		await write('filters.json', filtersFile(ordered));
		await write('people.json', peopleFile(ordered));
	}
	await writer.done();
	const shards = await shardsWritten;
	if (!shards) return { reason: '上次的索引文件无法读取' };
	return { state: { ...state, hashes, manifest }, changedPages: changed.length, written: [...shards, ...written], rebundled };
}
