import type { Element, ElementContent, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { isSiteImage, publicPath } from './image-references';

/** A responsive picture of an image in the repository, as src/lib/pictures.ts prepares it. */
export interface Picture {
	/** `<source>`s, best format first (AVIF, then WebP). */
	sources: { type: string; srcset: string }[];
	/** The fallback `<img>`, in the original's format, at the column's width (its width and height); addresses include the base path. */
	src: string;
	width: number;
	height: number;
	sizes: string;
	/** The original file's address on the site, when it is larger than the column shows (the picture links to it). */
	original?: string;
}

/** The `<picture>` of a prepared picture; `img` carries the image's other attributes (alt, title…). */
export function pictureElement(made: Picture, img: Element['properties']): Element {
	const sources: ElementContent[] = made.sources.map((s) => ({ type: 'element', tagName: 'source', properties: { type: s.type, srcSet: s.srcset, sizes: made.sizes }, children: [] }));
	const fallback: Element = {
		type: 'element',
		tagName: 'img',
		properties: { ...img, src: made.src, width: made.width, height: made.height, loading: 'lazy', decoding: 'async' },
		children: [],
	};
	return { type: 'element', tagName: 'picture', properties: {}, children: [...sources, fallback] };
}

/**
 * Images in the repository (site-absolute paths, `/images/a.jpg`) become `<picture>`s with AVIF
 * and WebP sources in several widths and an `<img>` with its width and height, so the page does not
 * shift as they load. A picture larger than the column links to its original (a schedule photographed
 * at 3,000 pixels must stay readable). `picture` returns nothing for what it does not convert
 * (SVG, animated GIF): that image stays as written.
 */
export function rehypePictures(picture: (path: string) => Promise<Picture | undefined>) {
	return () => async (tree: Root) => {
		const found: { node: Element; parent: Element | Root; linked: boolean }[] = [];
		visitParents(tree, 'element', (node: Element, ancestors) => {
			if (node.tagName !== 'img') return;
			const src = node.properties.src;
			if (typeof src !== 'string' || !isSiteImage(src)) return;
			const linked = ancestors.some((a) => a.type === 'element' && a.tagName === 'a');
			found.push({ node, parent: ancestors.at(-1) as Element | Root, linked });
		});
		await Promise.all(
			found.map(async ({ node, parent, linked }) => {
				const path = publicPath(String(node.properties.src));
				const made = path === undefined ? undefined : await picture(path);
				if (!made) return;
				const alt = String(node.properties.alt ?? '');
				let replacement = pictureElement(made, node.properties);
				// A link needs a name: an image without alt text is not made one.
				if (made.original && !linked && alt.trim()) {
					replacement = { type: 'element', tagName: 'a', properties: { href: made.original, className: ['picture-original'] }, children: [replacement] };
				}
				parent.children[parent.children.indexOf(node)] = replacement;
			}),
		);
	};
}
