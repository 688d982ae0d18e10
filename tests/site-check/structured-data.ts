import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { readFileSync } from 'node:fs';
import type { BuiltSite, Finding } from './built-site';

type Json = Record<string, unknown>;
const filled = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '');

type Facts = Map<string, string>;
/** The page's own fact lists: `<dt>` term → text of the `<dd>` after it. */
function facts(tree: Root): Facts {
	const out = new Map<string, string>();
	for (const dl of selectAll('dl', tree) as Element[]) {
		let term = '';
		for (const child of dl.children) {
			if (child.type !== 'element') continue;
			if (child.tagName === 'dt') term = toText(child).trim();
			else if (child.tagName === 'dd' && term) out.set(term, toText(child).trim());
		}
	}
	return out;
}
const shows = (f: Facts, ...terms: string[]) => terms.some((t) => f.has(t));

/**
 * What the JSON-LD of each kind of page must hold, with a non-empty value: some fields always, others
 * whenever the page itself shows the fact (the sources do not give every event a venue, say).
 */
const REQUIRED: Record<string, { type: string[]; entity?: string[]; always: string[]; when: Record<string, (tree: Root, facts: Facts) => boolean> }> = {
	event: {
		type: ['Event'],
		always: ['name', 'url', 'startDate', 'image'],
		// location: only where the sources give an address Google can use (google.ts reports the rest).
		when: {
			eventAttendanceMode: (_, f) => shows(f, '形式'),
			organizer: (_, f) => shows(f, '主办单位', '主办', '承办单位', '承办', '指导单位', '协办单位', '支持单位'),
			superEvent: (t) => select('.page-header .kicker a[href^="/series/"]', t) !== undefined,
			performer: (t) => select('.agenda .speaker-name', t) !== undefined,
		},
	},
	// A page about a person or an organisation is a ProfilePage; the fields are its mainEntity's.
	speaker: { type: ['ProfilePage'], entity: ['Person'], always: ['name', 'url', 'alternateName', 'image'], when: { jobTitle: (t) => select('#roles', t) !== undefined } },
	organization: { type: ['ProfilePage'], entity: ['Organization'], always: ['name', 'url'], when: { alternateName: (_, f) => shows(f, '又称') } },
	article: {
		type: ['NewsArticle', 'Article'],
		always: ['headline', 'url', 'isBasedOn', 'image'],
		when: {
			author: (_, f) => shows(f, '作者'),
			publisher: (t) => select('.page-header .kicker span:not(.badge)', t) !== undefined,
			datePublished: (t) => select('.page-header time', t) !== undefined,
			about: (_, f) => shows(f, '相关活动'),
			mentions: (_, f) => shows(f, '文中人物'),
		},
	},
};
/** Meta every page carries: canonical URL, Open Graph, Twitter card, the site's feed. */
const HEAD = ['link[rel=canonical][href]', 'meta[property="og:image"]', 'meta[property="og:title"]', 'meta[property="og:description"]', 'meta[property="og:url"]', 'meta[property="og:type"]', 'meta[name="twitter:card"]', 'link[rel=alternate][type="application/rss+xml"]'];
/** Highwire Press meta on articles, for Google Scholar. */
const SCHOLAR = ['meta[name=citation_title]', 'meta[name=citation_public_url]', 'meta[name=citation_language]'];

/**
 * The pages that are not entries: the home page describes the site and its search (WebSite with a
 * SearchAction whose template lands on a page of the site); a list page, the pages it lists
 * (CollectionPage + ItemList), every one of which must exist.
 */
function checkPageJsonLd(site: BuiltSite, page: string, block: Element | undefined, add: (page: string, message: string) => void) {
	if (!block) return add(page, 'the home page has no JSON-LD WebSite');
	let data: Json;
	try {
		data = JSON.parse(toText(block)) as Json;
	} catch (e) {
		return add(page, `JSON-LD does not parse: ${(e as Error).message}`);
	}
	// Absolute URLs of this site, as paths of the built folder (the canonical check already ties them to the site's origin).
	const local = (url: unknown) => (typeof url === 'string' && URL.canParse(url) ? new URL(url).pathname : undefined);
	if (page === site.base) {
		const action = data.potentialAction as Json | undefined;
		const template = (action?.target as Json | undefined)?.urlTemplate;
		if (data['@type'] !== 'WebSite') return add(page, `the home page's JSON-LD is ${String(data['@type'])}, not WebSite`);
		if (action?.['@type'] !== 'SearchAction' || action['query-input'] !== 'required name=search_term_string' || typeof template !== 'string' || !template.includes('{search_term_string}'))
			return add(page, 'WebSite has no SearchAction with a {search_term_string} template');
		const target = local(template.replace('{search_term_string}', 'x'));
		if (!target || !site.fileFor(target)) add(page, `SearchAction template ${template} does not lead to a page of the site`);
		return;
	}
	if (data['@type'] !== 'CollectionPage') return add(page, `JSON-LD ${String(data['@type'])} on a page that is not an entry: expected CollectionPage`);
	const list = data.mainEntity as Json | undefined;
	const items = (list?.itemListElement ?? []) as Json[];
	if (list?.['@type'] !== 'ItemList' || list.numberOfItems !== items.length) add(page, 'CollectionPage.mainEntity must be an ItemList whose numberOfItems counts its items');
	items.forEach((item, i) => {
		if (item.position !== i + 1) add(page, `ItemList item ${i + 1} has position ${String(item.position)}`);
		const path = local(item.url);
		if (!path || !site.fileFor(path)) add(page, `ItemList item ${String(item.url)} is not a page of the site`);
	});
}

/** PNG's own header: width and height are the IHDR chunk's first two 32-bit numbers. */
export const pngSize = (bytes: Buffer) => (bytes.subarray(1, 4).toString('latin1') === 'PNG' ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : undefined);

/** The page's og:image is a file of the site; a declared size is the picture's own. */
function checkShareImage(site: BuiltSite, page: string, tree: Root, add: (page: string, message: string) => void) {
	const url = select('meta[property="og:image"]', tree)?.properties.content;
	if (typeof url !== 'string') return;
	const file = URL.canParse(url) ? site.fileFor(new URL(url).pathname) : undefined;
	if (!file) return add(page, `og:image ${url} is not a file of the site`);
	const width = select('meta[property="og:image:width"]', tree)?.properties.content;
	const height = select('meta[property="og:image:height"]', tree)?.properties.content;
	if (width === undefined && height === undefined) return;
	const size = pngSize(readFileSync(file));
	if (!size || String(size.width) !== width || String(size.height) !== height) add(page, `og:image is ${size ? `${size.width}×${size.height}` : 'no PNG'}, the page says ${String(width)}×${String(height)}`);
}

/**
 * Every page: the head meta above. Event, speaker and article pages: exactly one JSON-LD block of the
 * right type with its fields, parseable, with no raw `<` (which could close the script early), and a
 * canonical URL equal to the JSON-LD `url`.
 */
export function checkStructuredData(site: BuiltSite): Finding[] {
	const findings: Finding[] = [];
	const add = (page: string, message: string) => findings.push({ check: 'structured data', page, message });
	for (const page of site.pages()) {
		const tree = site.tree(page);
		const entry = select('[data-entry]', tree)?.properties.dataEntry as string | undefined;
		if (page.endsWith('404.html')) continue; // not a page of the site: no canonical address
		for (const selector of [...HEAD, ...(entry === 'article' ? SCHOLAR : [])]) if (!select(selector, tree)) add(page, `missing ${selector}`);
		checkShareImage(site, page, tree, add);
		const blocks = selectAll('script[type="application/ld+json"]', tree) as Element[];
		const want = entry ? REQUIRED[entry] : undefined;
		if (blocks.length > 1) add(page, `expected at most one JSON-LD block, found ${blocks.length}`);
		if (!want) {
			if (page === site.base || blocks.length === 1) checkPageJsonLd(site, page, blocks[0], add);
			continue;
		}
		if (blocks.length !== 1) {
			if (blocks.length === 0) add(page, 'expected one JSON-LD block, found 0');
			continue;
		}
		const raw = toText(blocks[0]!);
		if (raw.includes('<')) add(page, 'JSON-LD contains a raw “<”: escape it as \\u003c');
		let data: Json;
		try {
			data = JSON.parse(raw) as Json;
		} catch (e) {
			add(page, `JSON-LD does not parse: ${(e as Error).message}`);
			continue;
		}
		if (data['@context'] !== 'https://schema.org') add(page, `@context is ${String(data['@context'])}, not https://schema.org`);
		if (!want.type.includes(String(data['@type']))) add(page, `@type is ${String(data['@type'])}, expected ${want.type.join(' or ')}`);
		const subject = (want.entity ? data.mainEntity : data) as Json | undefined;
		const kind = want.entity ? `${String(data['@type'])}.mainEntity` : String(data['@type']);
		// The picture crawlers show with the entity is the one shared with the page.
		if (subject?.image !== undefined && subject.image !== select('meta[property="og:image"]', tree)?.properties.content) add(page, `JSON-LD ${kind} image ${String(subject?.image)} differs from og:image`);
		if (want.entity && !want.entity.includes(String(subject?.['@type']))) add(page, `${kind} is ${String(subject?.['@type'])}, expected ${want.entity.join(' or ')}`);
		for (const field of want.always) if (!filled(subject?.[field])) add(page, `JSON-LD ${kind} has no ${field}`);
		const pageFacts = facts(tree);
		for (const [field, shown] of Object.entries(want.when)) {
			if (shown(tree, pageFacts) && !filled(subject?.[field])) add(page, `JSON-LD ${kind} has no ${field}, though the page shows it`);
		}
		const canonical = select('link[rel=canonical]', tree)?.properties.href;
		if (canonical !== data.url) add(page, `JSON-LD url ${String(data.url)} differs from the canonical ${String(canonical)}`);
	}
	return findings;
}
