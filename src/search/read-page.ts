import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
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
 * The searchable part of one page, or null when it has none: the text of its first
 * `[data-pagefind-body]` element as a reader sees it, without the parts marked `data-pagefind-ignore`.
 * The two attributes are found by walking the tree, not by hast-util-select: its selector engine
 * took ~45 % of reading a page (1,421 pages of a 1,000-article archive: 1.35 s read with it, 0.69 s
 * without; 2026-12-04), and reading pages is most of a cold build's index step.
 */
export function readPage(facts: PageFacts, html: string): SearchPage | null {
	const tree = parser.parse(html);
	const body = firstMarked(tree);
	if (!body) return null;
	if (body.properties.dataPagefindIgnore !== undefined) body.children = [];
	else dropIgnored(body);
	return { ...facts, body: toText(body) };
}

/** The first element, in document order, with a `data-pagefind-body` attribute (hast names it `dataPagefindBody`). */
function firstMarked(node: Root | Element): Element | undefined {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.properties.dataPagefindBody !== undefined) return child;
		const found = firstMarked(child);
		if (found) return found;
	}
	return undefined;
}

/** Every element under `node` marked `data-pagefind-ignore` emptied (what is inside one goes with it). */
function dropIgnored(node: Element): void {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.properties.dataPagefindIgnore !== undefined) child.children = [];
		else dropIgnored(child);
	}
}
