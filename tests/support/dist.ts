import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { BuiltSite } from '../site-check/built-site';

export const root = join(import.meta.dirname, '..', '..');
/**
 * The launch site the content tests (tests/content/) check: content/ and seeds/ here, built into dist/
 * by `npm test`. HUIJI_CONTENT_ROOT and HUIJI_DIST point them at another copy (tests/build/valid-content.test.ts).
 */
export const contentRoot = process.env.HUIJI_CONTENT_ROOT ?? root;
export const dist = process.env.HUIJI_DIST ?? join(root, 'dist');

/** Fails loudly when the suite is run without the site having been built first. */
export function requireBuild() {
	if (!existsSync(join(dist, 'index.html'))) {
		throw new Error('dist/ is missing: run `npm test` (it builds first) or `npm run build`.');
	}
}

// The project's own build, read the way `npm run check:site` reads any built site.
const built = new BuiltSite(dist);

/** The built page for a URL path like `/events/x/` (parsed once). */
export const page = (urlPath: string): Root => built.tree(urlPath);

/** File in dist/ that serves a URL path, or undefined when none does. */
export const fileFor = (urlPath: string): string | undefined => built.fileFor(urlPath);

/** Every HTML file in dist/, as URL paths (`/events/x/`). */
export const builtPages = (): string[] => built.pages();
