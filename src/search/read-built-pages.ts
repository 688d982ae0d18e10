import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSignatureIfAny } from '../lib/file-signature.ts';
import type { SearchPage } from './exact-index';
import { openPageCache, type PageCacheEntries } from './page-cache.ts';
import { readPage, readPageJob, type PageFacts, type PageRead, type PageJob } from './read-page.ts';
import { readPagesInParallel } from './read-pages-in-parallel.ts';

export type { PageFacts };

/**
 * The searchable pages of a built site: for each page the model lists (`facts`, by URL under the
 * site's base path), its title, kind, names and facets from the model, and the text of its
 * `[data-pagefind-body]` element exactly as a reader sees it, so "the page contains the query" means
 * what it says; parts marked `data-pagefind-ignore` (links to feeds and downloads) are left out, as
 * Pagefind leaves them.
 *
 * With a `cacheFile` (or that `cache`, opened ahead), a page is not parsed again when its bytes and facts are unchanged since the
 * last build (parsing is most of the time: ~20 s for 12,000 pages), and not even read when the file
 * itself is untouched (dist/ is kept between builds: 218 MB at 10,000 articles); a cached page's body
 * is read from the cache only if something asks for it (./page-cache.ts). `changed`, when
 * given, receives the last build's reading of each page that did change (null: nothing searchable).
 */
export function readBuiltPages(dist: string, facts: Map<string, PageFacts>, options: ReadOptions = {}): SearchPage[] {
	const plan = planReading(dist, facts, options);
	return finishReading(plan, plan.jobs.map(readPageJob));
}

/** readBuiltPages(), with the pages that must be read shared among this thread and one per other core (./read-pages-in-parallel.ts). */
export async function readBuiltPagesInParallel(dist: string, facts: Map<string, PageFacts>, options: ReadOptions = {}): Promise<SearchPage[]> {
	const plan = planReading(dist, facts, options);
	return finishReading(plan, await readPagesInParallel(plan.jobs));
}

interface ReadOptions {
	base?: string;
	cacheFile?: string;
	cache?: BuiltPagesCache;
	changed?: Map<string, SearchPage | null>;
}

/** Each page the model lists and the site has, in index order, with its last reading if it can stand, or the job of reading it (`job`, into `jobs`). */
interface Plan {
	cache?: BuiltPagesCache;
	changed?: Map<string, SearchPage | null>;
	pages: { url: string; file: string; facts: PageFacts; stat: string; factsHash?: string; job?: number }[];
	jobs: PageJob[];
}

function planReading(dist: string, facts: Map<string, PageFacts>, { base = '/', cacheFile, cache = cacheFile === undefined ? undefined : openBuiltPagesCache(cacheFile), changed }: ReadOptions): Plan {
	const previous = cache?.entries ?? {};
	const plan: Plan = { cache, changed, pages: [], jobs: [] };
	const prefix = base.endsWith('/') ? base : `${base}/`;
	// The pages are found from their URLs, not by listing dist/: at 100,000 articles that is 122,000
	// folders (~4 s). Taken in the order a listing sorted by name at each level met them, which
	// Pagefind's records and the page cache follow.
	// With each `/` as a character below any in a name, plain code-unit order is that walk's order.
	const located = [...facts.keys()].flatMap((url) => {
		if (!url.startsWith(prefix)) return [];
		const path = url.slice(prefix.length).replace(/(^|\/)$/, '$1index.html');
		return path.endsWith('.html') ? [{ url, path, order: path.replaceAll('/', '\0') }] : [];
	});
	for (const { url, path } of located.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))) {
		const file = join(dist, path);
		const known = facts.get(url)!;
		const stat = fileSignatureIfAny(file);
		if (stat === null) continue;
		const entry: Plan['pages'][number] = { url, file, facts: known, stat };
		plan.pages.push(entry);
		if (!cache) {
			entry.job = plan.jobs.push({ file, facts: known }) - 1;
			continue;
		}
		const cached = previous[url];
		entry.factsHash = createHash('sha1').update(JSON.stringify(known)).digest('base64url');
		// Read again when the file or the facts changed; parsed again only if its bytes did, or the facts.
		if (cached?.stat !== stat || cached.facts !== entry.factsHash) entry.job = plan.jobs.push({ file, facts: known, ...(cached?.facts === entry.factsHash && { knownHash: cached.hash }) }) - 1;
	}
	return plan;
}

function finishReading({ cache, changed, pages: planned }: Plan, reads: PageRead[]): SearchPage[] {
	const previous = cache?.entries ?? {};
	const pages: SearchPage[] = [];
	const next: PageCacheEntries = {};
	for (const { url, file, facts: known, stat, factsHash, job } of planned) {
		const read = job === undefined ? undefined : reads[job]!;
		if (!cache) {
			if (read!.page) pages.push(read!.page);
			continue;
		}
		const cached = previous[url];
		let current = cached!;
		if (read) {
			if (read.page === undefined) current = { ...cached!, stat };
			else {
				if (cached) changed?.set(url, cached.page);
				current = { stat, hash: read.hash, facts: factsHash!, page: read.page };
			}
		}
		if (current.hash === cached?.hash && current.facts === cached.facts) cache.unchanged.set(url, { path: file, facts: known });
		next[url] = current;
		if (current.page) pages.push(current.page);
	}
	cache?.save(next, changed?.values());
	return pages;
}

/** readBuiltPages()'s page cache, open: it can be opened ahead, while Astro builds the pages (src/cli/build.ts). */
export type BuiltPagesCache = ReturnType<typeof openPageCache> & { unchanged: Map<string, { path: string; facts: PageFacts }> };

/** The page cache in `cacheFile`, opened for readBuiltPages(). */
export function openBuiltPagesCache(cacheFile: string): BuiltPagesCache {
	// A cached body that does not match its hash is read again from its page, if readBuiltPages()
	// found the page unchanged.
	const unchanged: BuiltPagesCache['unchanged'] = new Map();
	const reread = (url: string) => {
		const known = unchanged.get(url);
		return known && readPage(known.facts, readFileSync(known.path, 'utf8'))?.body;
	};
	return { ...openPageCache(cacheFile, reread), unchanged };
}
