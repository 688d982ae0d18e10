import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export const root = join(import.meta.dirname, '..', '..');
export const dist = join(root, 'dist');

/** Fails loudly when the suite is run without the site having been built first. */
export function requireBuild() {
	if (!existsSync(join(dist, 'index.html'))) {
		throw new Error('dist/ is missing: run `npm test` (it builds first) or `npm run build`.');
	}
}

const parser = unified().use(rehypeParse);
/** The built page for a URL path like `/events/x/`. */
export function page(urlPath: string): Root {
	return parser.parse(readFileSync(fileFor(urlPath)!, 'utf8'));
}

/** File in dist/ that serves a URL path, or undefined when none does. */
export function fileFor(urlPath: string): string | undefined {
	const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
	const candidates = clean.endsWith('/') ? [join(dist, clean, 'index.html')] : [join(dist, clean), join(dist, clean, 'index.html')];
	return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}

/** Every HTML file in dist/, as URL paths (`/events/x/`). */
export function builtPages(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith('.html')) out.push('/' + relative(dist, full).replace(/index\.html$/, '').replace(/\\/g, '/'));
		}
	};
	walk(dist);
	return out.sort();
}
