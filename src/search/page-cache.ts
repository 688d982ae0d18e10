import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { linesOf, parseJson, readCacheFile, writeFileAtomic, writeLinesAtomic } from '../lib/cache-file.ts';
import type { SearchPage } from './exact-index';

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

/** Raise when readPage() changes what it reads: cached pages from older builds are then read again. */
const VERSION = 4;

/**
 * The page cache of readBuiltPages() on disk: a base file of every page (113 MB at 10,000
 * articles, ~2 s to write) and a small delta file of the pages that differ from it. The base is a
 * line per page after a head line that counts them (one JSON text of 100,000 articles' pages would
 * pass V8's longest string, 2^29 characters); a base with fewer lines than its head says was cut
 * short. A rebuild after a few edits writes only the delta; the base is rewritten when the delta
 * grows past a twentieth of the pages. The delta names its base, so a base rewritten without it is never
 * combined with a stale delta.
 */
export function openPageCache(file: string): { entries: PageCacheEntries; save(next: PageCacheEntries): void } {
	const deltaFile = `${file}.delta`;
	// A file cut short by a killed build is discarded (readCacheFile); both are written atomically.
	const read = <T>(path: string): T | undefined => {
		const saved = readCacheFile(path, parseJson) as { version?: number } | undefined;
		return saved?.version === VERSION ? (saved as T) : undefined;
	};
	const base = readCacheFile(file, parseBase);
	const delta = base && read<{ base: string; pages: Record<string, PageCacheEntry | null> }>(deltaFile);
	const entries: PageCacheEntries = { ...base?.pages };
	if (delta?.base === base?.id) {
		for (const [url, entry] of Object.entries(delta?.pages ?? {})) {
			if (entry) entries[url] = entry;
			else delete entries[url];
		}
	}

	return {
		entries,
		save(next) {
			if (base) {
				const differs: Record<string, PageCacheEntry | null> = {};
				for (const [url, entry] of Object.entries(next)) if (!sameEntry(entry, base.pages[url])) differs[url] = entry;
				for (const url of Object.keys(base.pages)) if (!(url in next)) differs[url] = null;
				if (Object.keys(differs).length <= Math.max(50, Object.keys(next).length / 20)) {
					writeFileAtomic(deltaFile, JSON.stringify({ version: VERSION, base: base.id, pages: differs }));
					return;
				}
			}
			writeLinesAtomic(file, baseLines(next));
			rmSync(deltaFile, { force: true });
		},
	};
}

/** Entries of an unchanged page are the very objects loaded; others compare by what they record. */
const sameEntry = (a: PageCacheEntry, b: PageCacheEntry | undefined) => a === b || (b !== undefined && a.stat === b.stat && a.hash === b.hash);

/** A base file's lines: the head, then each page (written one by one, never joined whole). */
function* baseLines(pages: PageCacheEntries): Generator<string> {
	const urls = Object.keys(pages);
	yield JSON.stringify({ version: VERSION, id: randomUUID(), count: urls.length });
	for (const url of urls) yield JSON.stringify([url, pages[url]]);
}

/** A base file's pages, or undefined when it is of another version; throws when it is cut short. */
function parseBase(bytes: Buffer): { id: string; pages: PageCacheEntries } | undefined {
	const lines = linesOf(bytes);
	const head = JSON.parse(lines.next().value ?? '{}') as { version?: number; id: string; count: number };
	if (head.version !== VERSION) return undefined;
	const pages: PageCacheEntries = {};
	let count = 0;
	for (const line of lines) {
		const [url, entry] = JSON.parse(line) as [string, PageCacheEntry];
		pages[url] = entry;
		count++;
	}
	if (count !== head.count) throw new Error(`只有 ${count} 个页面，应有 ${head.count} 个`);
	return { id: head.id, pages };
}
