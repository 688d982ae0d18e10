import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** One thing wrong on one page, as the checks report it. */
export interface Finding {
	check: string;
	page: string;
	message: string;
}

const parser = unified().use(rehypeParse);

/**
 * Top-level folders of a built site that hold no files of its own to check: the web editor (Decap
 * CMS, an application for editors with its own tests), bundles, search indexes. Only at the top: an
 * event whose id is `admin` has its page and feed checked like any other.
 */
const NOT_SITE_FILES = new Set(['admin', '_astro', 'pagefind', 'search-index']);

/** The site's own files whose name passes `wanted` (pages, feeds, .bib files), as paths from the site's root, sorted. */
export function builtFiles(dir: string, wanted: (name: string) => boolean): string[] {
	// The site's root: the folder itself, or the sub-path it is served under (its sitemap index is there).
	const atSiteRoot = (d: string) => d === dir || existsSync(join(d, 'sitemap-index.xml'));
	const walk = (d: string): string[] =>
		readdirSync(d, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory() ? (atSiteRoot(d) && NOT_SITE_FILES.has(e.name) ? [] : walk(join(d, e.name))) : wanted(e.name) ? ['/' + relative(dir, join(d, e.name)).replace(/\\/g, '/')] : [],
		);
	return walk(dir).sort();
}

/**
 * The path a built folder's site is served under, from its sitemap index's own address
 * (`/conf-archive/` for a GitHub Pages project site), or `/` when it has none.
 */
export function servedBase(dir: string): string {
	const index = join(dir, 'sitemap-index.xml');
	const loc = existsSync(index) ? /<loc>([^<]+)<\/loc>/.exec(readFileSync(index, 'utf8'))?.[1] : undefined;
	return loc ? new URL(loc).pathname.replace(/[^/]*$/, '') : '/';
}

/** A built site folder: its pages by URL path, parsed once. */
export class BuiltSite {
	private trees = new Map<string, Root>();
	/** `dir` holds the site at `base` (`/`, or a project site's `/<repo>/` when checked where it is served). */
	constructor(
		readonly dir: string,
		readonly base = '/',
	) {}

	/** Every HTML file, as URL paths (`/events/x/`, `/404.html`), outside the folders above. */
	pages(): string[] {
		return builtFiles(this.dir, (name) => name.endsWith('.html'))
			.map((path) => path.replace(/(^|\/)index\.html$/, '$1'))
			.sort();
	}

	/** The file that serves a URL path, or undefined. */
	fileFor(urlPath: string): string | undefined {
		const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
		const candidates = clean.endsWith('/') ? [join(this.dir, clean, 'index.html')] : [join(this.dir, clean), join(this.dir, clean, 'index.html')];
		return candidates.find((f) => existsSync(f) && statSync(f).isFile());
	}

	html(urlPath: string): string {
		return readFileSync(this.fileFor(urlPath)!, 'utf8');
	}

	tree(urlPath: string): Root {
		let t = this.trees.get(urlPath);
		if (!t) this.trees.set(urlPath, (t = parser.parse(this.html(urlPath))));
		return t;
	}

	/** The pages the sitemap lists, as URL paths: what search engines (and the a11y check) crawl. */
	sitemapPages(): string[] {
		const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
		const index = join(this.dir, this.base, 'sitemap-index.xml');
		if (!existsSync(index)) return [];
		return locs(readFileSync(index, 'utf8'))
			.flatMap((sitemap) => locs(readFileSync(join(this.dir, new URL(sitemap).pathname), 'utf8')))
			.map((loc) => new URL(loc).pathname)
			.sort();
	}
}
