/** An image a Markdown body shows, where the body shows it. */
export interface ImageReference {
	/** The address as written: a site path (`/images/a.jpg`), a remote URL, or something else. */
	src: string;
	line: number;
	/** Where the image's syntax starts (1-based). */
	column: number;
}

/**
 * The images of a Markdown body starting at line `firstLine`, written as `![alt](src)` or as an
 * `<img src>` tag. Data URLs are left out: they are the image itself.
 */
export function imageReferences(body: string, firstLine: number): ImageReference[] {
	return body.split('\n').flatMap((line, i) =>
		[...line.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)|<img\b[^>]*\bsrc=["']([^"']+)["']/g)]
			.map((m) => ({ src: m[1] ?? m[2]!, line: firstLine + i, column: (m.index ?? 0) + 1 }))
			.filter((image) => !image.src.startsWith('data:')),
	);
}

/** A remote image: hotlinked from another site, which may delete or refuse it. */
export const isRemoteImage = (src: string) => /^https?:\/\//i.test(src) || src.startsWith('//');

/** An image the site serves itself: a site-absolute address (`/images/a.jpg`), a file in public/. */
export const isSiteImage = (src: string) => src.startsWith('/') && !isRemoteImage(src);

/**
 * The file a site-absolute image address names under public/, as the page will ask for it: Markdown
 * encodes a `%` that starts no escape as `%25` (CommonMark). Undefined when the address is not
 * valid percent-encoding (no such file can be asked for).
 */
export function publicPath(src: string): string | undefined {
	try {
		return decodeURIComponent(src.split(/[?#]/)[0]!.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
	} catch {
		return undefined;
	}
}

/** The files in public/ that a body's images name, in order (the first is an article's share image). */
export const siteImages = (images: readonly ImageReference[]): string[] =>
	images.flatMap(({ src }) => (isSiteImage(src) ? [publicPath(src)].filter((p): p is string => p !== undefined) : []));

/** Formats browsers show and sharp converts into pictures (src/lib/pictures.ts); GIF (may be animated) and SVG (already scalable) stay as they are. */
export const CONVERTIBLE_FORMATS: readonly string[] = ['jpeg', 'png', 'webp', 'avif'];

/** Whether a file in public/ is a picture the build converts, by its name (its bytes decide in the end). */
export const isConvertiblePicture = (path: string) => /\.(jpe?g|png|webp|avif)$/i.test(path);
