import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { SearchPage } from './exact-index';

const parser = unified().use(rehypeParse);

/** What the site model says of a searchable page (src/lib/site-model.ts `SearchEntry`). */
export type PageFacts = Omit<SearchPage, 'body'>;

/** One built page to read: its file, what the model says of it, and the hash of its bytes when they were last read (if its facts are the same). */
export interface PageJob {
	file: string;
	facts: PageFacts;
	knownHash?: string;
}

/** The page's bytes' hash, and its searchable part (null: none), or no `page` when its bytes hash to `knownHash`. */
export interface PageRead {
	hash: string;
	page?: SearchPage | null;
}

/** Reads a built page; parses it only when its bytes are not those last read. */
export function readPageJob({ file, facts, knownHash }: PageJob): PageRead {
	const bytes = readFileSync(file);
	const hash = createHash('sha1').update(bytes).digest('base64url');
	return hash === knownHash ? { hash } : { hash, page: readPage(facts, bytes.toString('utf8')) };
}

/**
 * The searchable part of one page, or null when it has none: the text of its `[data-pagefind-body]`
 * element as a reader sees it, without the parts marked `data-pagefind-ignore`.
 */
export function readPage(facts: PageFacts, html: string): SearchPage | null {
	const body = select('[data-pagefind-body]', parser.parse(html)) as Element | undefined;
	if (!body) return null;
	for (const ignored of selectAll('[data-pagefind-ignore]', body)) ignored.children = [];
	return { ...facts, body: toText(body) };
}
