import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Editors link to other pages of the site as `/events/x/` and to images in public/ as `/img.png`.
 * Under a base path (a GitHub Pages project site, `/<repo>/`) those must gain it, or they point at
 * the host's root. The base is the one the build runs with (SITE_URL's path, see astro.config.mjs).
 */
export function rehypeBasePath() {
	const base = new URL(process.env.SITE_URL ?? 'http://localhost/').pathname.replace(/\/?$/, '/');
	return (tree: Root) => {
		if (base === '/') return;
		visit(tree, 'element', (node: Element) => {
			for (const attribute of ['href', 'src'] as const) {
				const value = node.properties[attribute];
				if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(base)) {
					node.properties[attribute] = base + value.slice(1);
				}
			}
		});
	};
}
