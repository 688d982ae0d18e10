import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { linesOf, readCacheFile, readCacheJson, writeFileAtomic, writeLinesAtomic } from '../lib/cache-file.ts';
import type { SearchPage } from './exact-index';
import { hashOf, LEAD, pageHash, rememberDigest } from './page-digest.ts';

/** What was read from one built page, and how to tell the page is the same file next time. */
export interface PageCacheEntry {
	/** The file's signature (lib/file-signature): equal means it was not written since. */
	stat: string;
	/** sha1 of the page's bytes, for a file written again with the same content. */
	hash: string;
	/** sha1 of what the site model said of the page (title, kind, names, facets). */
	facts: string;
	page: SearchPage | null;
}
export type PageCacheEntries = Record<string, PageCacheEntry>;

/** Raise when readPage() changes what it reads, or the files' layout changes: older caches are then read again. */
const VERSION = 6;

/** A base file's line for a page: its entry less the body, and where the body is in the bodies file. */
type BaseLine = [url: string, entry: Omit<PageCacheEntry, 'page'> & { page: Omit<SearchPage, 'body'> | null; body?: [at: number, bytes: number, length: number, hash: string, lead: string] }];

/**
 * The page cache of readBuiltPages() on disk: a base of every page and a small delta file of the
 * pages that differ from it. The base is two files: an index, a line per page after a head line that
 * counts them (one JSON text of 100,000 articles' pages would pass V8's longest string, 2^29
 * characters), and the bodies, one after another, in a file that starts with the base's id. A base
 * with fewer lines than its head says, or a bodies file of another length or id, is discarded.
 *
 * Bodies are read only when asked for (a page's `body`), each from its place in the file, and
 * checked against the page's hash when read: at 100,000 articles, reading every body back (~1 GB as
 * JSON lines) took most of the ~58 s of the index step in a rebuild after one edit, which needs the
 * bodies of the edited page and of its neighbours in a docs file (each body's start is kept in the
 * index, for Pagefind's records). `reread(url)` gives a page's body
 * again from its built file, for a body that does not match its hash.
 *
 * A rebuild after a few edits writes only the delta; the base is rewritten when the delta grows past
 * a twentieth of the pages. The delta names its base, so a base rewritten without it is never
 * combined with a stale delta.
 */
export function openPageCache(file: string, reread: (url: string) => string | undefined = () => undefined): { entries: PageCacheEntries; save(next: PageCacheEntries, keep?: Iterable<SearchPage | null>): void } {
	const deltaFile = `${file}.delta`;
	const bodiesFile = `${file}.bodies`;
	// A file cut short by a killed build is discarded (readCacheFile); all are written atomically.
	const base = readCacheFile(file, (bytes) => parseBase(bytes, bodiesFile, reread));
	const saved = base && (readCacheJson(deltaFile) as { version?: number; base?: string; pages?: Record<string, PageCacheEntry | null> } | undefined);
	const entries: PageCacheEntries = { ...base?.pages };
	if (saved?.version === VERSION && saved.base === base?.id) {
		for (const [url, entry] of Object.entries(saved.pages ?? {})) {
			if (entry) entries[url] = entry;
			else delete entries[url];
		}
	}

	return {
		entries,
		/**
		 * `keep`: pages of this cache still wanted after the save (the last build's reading of the pages
		 * that changed, for the exact index's patch): should the base be rewritten, their bodies are
		 * read first, from the bodies file about to be replaced.
		 */
		save(next, keep = []) {
			removeOldBodies(file);
			if (base) {
				const differs: Record<string, PageCacheEntry | null> = {};
				for (const [url, entry] of Object.entries(next)) if (!sameEntry(entry, base.pages[url])) differs[url] = entry;
				for (const url of Object.keys(base.pages)) if (!(url in next)) differs[url] = null;
				if (Object.keys(differs).length <= Math.max(50, Object.keys(next).length / 20)) {
					writeFileAtomic(deltaFile, JSON.stringify({ version: VERSION, base: base.id, pages: differs }));
					return;
				}
			}
			// Every body is read here, from the old bodies file, before the new one is renamed over it:
			// the pages that still read theirs from the old one keep them.
			for (const page of keep) void page?.body;
			const id = randomUUID();
			const lines: string[] = [];
			// The bodies file starts with the id of the index it belongs to (a line of its own).
			let at = Buffer.byteLength(id) + 1;
			writeLinesAtomic(
				bodiesFile,
				(function* () {
					yield id;
					for (const [url, entry] of Object.entries(next)) {
						const { page, ...rest } = entry;
						if (!page) {
							lines.push(JSON.stringify([url, { ...rest, page: null }] satisfies BaseLine));
							continue;
						}
						const { body, ...facts } = page;
						const bytes = Buffer.byteLength(body) + 1;
						lines.push(JSON.stringify([url, { ...rest, page: facts, body: [at, bytes - 1, body.length, hashOf(page), body.slice(0, LEAD)] }] satisfies BaseLine));
						at += bytes;
						yield body;
					}
				})(),
			);
			writeLinesAtomic(file, [JSON.stringify({ version: VERSION, id, count: lines.length, bodyBytes: at }), ...lines]);
			rmSync(deltaFile, { force: true });
		},
	};
}

/**
 * Bodies files named after their base (`<file>.<id>.bodies`), as versions before 076b1eb wrote them:
 * one was left behind when the cache moved to one name, ~1 GB at 100,000 articles.
 */
function removeOldBodies(file: string) {
	const folder = dirname(file);
	const prefix = `${basename(file)}.`;
	const named = (name: string) => name.startsWith(prefix) && name.endsWith('.bodies') && /^[0-9a-f-]{36}$/.test(name.slice(prefix.length, -'.bodies'.length));
	for (const name of existsSync(folder) ? readdirSync(folder) : []) if (named(name)) rmSync(join(folder, name), { force: true });
}

/** Entries of an unchanged page are the very objects loaded; others compare by what they record. */
const sameEntry = (a: PageCacheEntry, b: PageCacheEntry | undefined) => a === b || (b !== undefined && a.stat === b.stat && a.hash === b.hash);

/** A base's pages, their bodies read when asked for; undefined when it is of another version; throws when it or its bodies are cut short. */
function parseBase(bytes: Buffer, bodies: string, reread: (url: string) => string | undefined): { id: string; pages: PageCacheEntries } | undefined {
	const lines = linesOf(bytes);
	const head = JSON.parse(lines.next().value ?? '{}') as { version?: number; id: string; count: number; bodyBytes: number };
	if (head.version !== VERSION) return undefined;
	const size = statSync(bodies, { throwIfNoEntry: false })?.size;
	if (size !== head.bodyBytes) throw new Error(`正文文件${size === undefined ? '不存在' : `有 ${size} 字节，应有 ${head.bodyBytes} 字节`}`);
	if (readBody(bodies, 0, Buffer.byteLength(head.id)) !== head.id) throw new Error('正文文件属于另一份索引');
	const pages: PageCacheEntries = {};
	let count = 0;
	for (const line of lines) {
		const [url, { page, body, ...rest }] = JSON.parse(line) as BaseLine;
		pages[url] = { ...rest, page: page && body ? lazyPage(page, bodies, body, () => reread(url)) : null };
		count++;
	}
	if (count !== head.count) throw new Error(`只有 ${count} 个页面，应有 ${head.count} 个`);
	return { id: head.id, pages };
}

/**
 * A page whose body is read from the bodies file the first time it is asked for, and kept. A body
 * that does not match the page's hash (the file changed under the cache) is taken from `reread`
 * instead when it can be; otherwise it is returned as read, and the exact index's own check of an
 * old page's hash (exact-index-update.ts) builds the index whole.
 */
function lazyPage(facts: Omit<SearchPage, 'body'>, bodies: string, [at, bytes, length, hash, lead]: NonNullable<BaseLine[1]['body']>, reread: () => string | undefined): SearchPage {
	const page = { ...facts } as SearchPage;
	Object.defineProperty(page, 'body', {
		enumerable: true,
		configurable: true,
		get() {
			let body = readBody(bodies, at, bytes);
			let actual = pageHash({ ...facts, body });
			if (actual !== hash) {
				body = reread() ?? body;
				actual = pageHash({ ...facts, body });
			}
			Object.defineProperty(page, 'body', { value: body, enumerable: true, writable: true, configurable: true });
			rememberDigest(page, actual, body.length, body.slice(0, LEAD));
			return body;
		},
	});
	rememberDigest(page, hash, length, lead);
	return page;
}

function readBody(file: string, at: number, bytes: number): string {
	const buffer = Buffer.alloc(bytes);
	let fd: number | undefined;
	try {
		fd = openSync(file, 'r');
		readSync(fd, buffer, 0, bytes, at);
	} catch {
		return '';
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
	return buffer.toString('utf8');
}
