import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import sharp from 'sharp';
import type { Picture } from '../markdown/rehype-pictures';
import { CONVERTIBLE_FORMATS } from '../markdown/image-references';
import { contentRoot } from './content-root';

/** Where a picture is shown: how wide (CSS px), the widths it is made in (1× and 2× screens), its `sizes`. */
export interface PictureLayout {
	column: number;
	widths: number[];
	sizes: string;
}
/** In a body: the text column is 40em (~640 CSS px). */
export const IN_BODY: PictureLayout = { column: 640, widths: [320, 640, 960, 1280], sizes: '(min-width: 44em) 40em, calc(100vw - 2.5rem)' };
/** A photo in a talk's or event's media list: a 16em (~256 px) thumbnail that links to the original. */
export const THUMBNAIL: PictureLayout = { column: 256, widths: [256, 512], sizes: '16em' };

interface Original {
	file: string;
	/** First 16 hex digits of its SHA-1: a replaced file at the same path must make new pictures. */
	digest: string;
}

/** A path in public/ as the site serves it, under its base path. */
const onSite = (path: string) => `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;

const originals = new Map<string, Original | null>();

/**
 * An image of the site's public/ folder by its site path (`/images/a.jpg`), hashed once per build.
 * Its bytes are not kept: an archive's photographs can add up to gigabytes, and sharp reads only
 * what it needs of the file (its header, for the size; Astro reads the copy in dist/ to convert it).
 */
function original(path: string): Original | null {
	let found = originals.get(path);
	if (found !== undefined) return found;
	const file = join(contentRoot(), 'public', path);
	found = existsSync(file) ? { file, digest: createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 16) } : null;
	originals.set(path, found);
	return found;
}

/**
 * What a page with these images in its body is rendered from, besides its text: a page whose
 * picture changed must not be reused by the incremental build (src/lib/cache-key.ts).
 */
export const imagesDigest = (paths: readonly string[]): string[] => paths.map(pictureDigest);
export const pictureDigest = (path: string): string => original(path)?.digest ?? 'missing';

/**
 * The responsive picture of an image in public/, made by Astro's image service (sharp): AVIF and
 * WebP in the widths the column needs, and the original's format as the fallback. The original is
 * still published (public/ is copied whole), so a picture larger than the column links to it.
 */
export async function picture(path: string, { column, widths: made, sizes }: PictureLayout = IN_BODY): Promise<Picture | undefined> {
	const file = original(path);
	if (!file) return undefined;
	const meta = await sharp(file.file).metadata();
	if (!CONVERTIBLE_FORMATS.includes(meta.format)) return undefined;
	// Width and height as the picture is shown: EXIF-rotated photographs swap them.
	const { width, height } = meta.autoOrient;
	const source = {
		// Its address on the site: a build reads it from dist/, where public/ has been copied (Astro
		// takes the base off), and `astro dev`'s image endpoint asks the dev server for it. The digest
		// is hashed into every output's name with the rest.
		src: onSite(path),
		width,
		height,
		format: meta.format === 'jpeg' ? 'jpg' : meta.format,
		digest: file.digest,
	} as ImageMetadata;
	const widths = [...made.filter((w) => w < width), Math.min(width, made.at(-1)!)].filter((w, i, all) => all.indexOf(w) === i);
	// Browsers without AVIF or WebP (there are few left) get one copy at the column's width, or the
	// original when it is no wider.
	const fallbackFormat = meta.format === 'png' ? 'png' : 'jpg';
	const [avif, webp, fallback] = await Promise.all([
		getImage({ src: source, widths, format: 'avif', sizes }),
		getImage({ src: source, widths, format: 'webp', sizes }),
		width > column ? getImage({ src: source, width: column, format: fallbackFormat }) : undefined,
	]);
	return {
		sources: [
			{ type: 'image/avif', srcset: avif.srcSet.attribute },
			{ type: 'image/webp', srcset: webp.srcSet.attribute },
		],
		src: fallback?.src ?? onSite(encodeURI(path)),
		width: Math.min(width, column),
		height: Math.round((height * Math.min(width, column)) / width),
		sizes,
		original: width > column ? onSite(encodeURI(path)) : undefined,
	};
}
