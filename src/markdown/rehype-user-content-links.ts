import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { USER_CONTENT_PREFIX } from './sanitize-schema.ts';

/**
 * Links within a body to an id in it (`#fn-1`, `#会议议程`) follow the ids that sanitising and
 * rehype-slug prefixed with `user-content-`, so footnotes and links to headings keep working while
 * no body id can take the name of one of the page's own (`cite-bibtex`, the copy button's target).
 */
export function rehypeUserContentLinks() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element) => {
			const href = node.properties.href;
			if (typeof href === 'string' && href.startsWith('#') && href.length > 1 && !href.startsWith(`#${USER_CONTENT_PREFIX}`)) {
				node.properties.href = `#${USER_CONTENT_PREFIX}${href.slice(1)}`;
			}
		});
	};
}
