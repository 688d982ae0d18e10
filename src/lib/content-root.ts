import { resolve } from 'node:path';

/**
 * The folder whose `content/` and `seeds/` the site is built from: the project itself, unless
 * HUIJI_CONTENT_ROOT names another (the scale benchmark builds a generated archive this way,
 * with the real configuration, without writing into content/).
 */
export function contentRoot(projectRoot: string = process.cwd()): string {
	const override = process.env.HUIJI_CONTENT_ROOT;
	return override ? resolve(override) : projectRoot;
}

/** A path under the content root, as Astro's loaders take it: relative to the project when it is the project. */
export function contentPath(path: string): string {
	return process.env.HUIJI_CONTENT_ROOT ? resolve(process.env.HUIJI_CONTENT_ROOT, 'content', path) : `content/${path}`;
}
