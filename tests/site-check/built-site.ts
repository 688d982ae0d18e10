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

/** A built site folder: its pages by URL path, parsed once. */
export class BuiltSite {
	private trees = new Map<string, Root>();
	constructor(readonly dir: string) {}

	/**
	 * Every HTML file, as URL paths (`/events/x/`, `/404.html`). Not the web editor's `/admin/`: an
	 * application for editors (Decap CMS), not a page of the site; its own tests check it.
	 */
	pages(): string[] {
		const out: string[] = [];
		const walk = (d: string) => {
			for (const name of readdirSync(d)) {
				const full = join(d, name);
				if (d === this.dir && name === 'admin') continue;
				if (statSync(full).isDirectory()) walk(full);
				else if (name.endsWith('.html')) out.push('/' + relative(this.dir, full).replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1'));
			}
		};
		walk(this.dir);
		return out.sort();
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
		const index = join(this.dir, 'sitemap-index.xml');
		if (!existsSync(index)) return [];
		return locs(readFileSync(index, 'utf8'))
			.flatMap((sitemap) => locs(readFileSync(join(this.dir, new URL(sitemap).pathname), 'utf8')))
			.map((loc) => new URL(loc).pathname)
			.sort();
	}
}
