import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Remote images in article bodies are hotlinked from the outlets that first ran them;
 * those hosts refuse requests that carry our Referer, so send none, and load them lazily.
 */
export function rehypeExternalImages() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element) => {
			if (node.tagName !== 'img') return;
			const src = String(node.properties.src ?? '');
			if (!/^https?:\/\//.test(src)) return;
			node.properties.referrerPolicy = 'no-referrer';
			node.properties.loading = 'lazy';
			node.properties.decoding = 'async';
		});
	};
}
