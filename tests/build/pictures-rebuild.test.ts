import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BuiltSite } from '../site-check/built-site';
import { buildSite, SITES } from '../support/sites';

// A picture replaced under the same name must reach readers: the incremental build may reuse the
// page (its text did not change) and Astro's image cache keys pictures by their options, not bytes.
const work = mkdtempSync(join(tmpdir(), 'huiji-pictures-'));
const content = join(work, 'site');
// A photo in an event's body, and one in a talk's media (shown on the event's and the speaker's pages).
const PHOTOS = ['public/images/lakeside-2023-stage.jpg', 'public/images/lakeside-2023-hall.png'];
const SHOWN = [
	['/events/lakeside-forum-2023/', '.prose'],
	['/events/lakeside-forum-2023/', '.media-photo'],
	['/speakers/john-hennessy/', '.media-photo'],
] as const;

/** The WebP addresses of the pictures, per place they are shown. */
const sources = () => {
	const built = new BuiltSite(join(work, 'dist'));
	return SHOWN.map(([page, within]) => selectAll(`${within} source[type="image/webp"]`, built.tree(page)).flatMap((s) => String(s.properties.srcSet).split(', ').map((c) => c.split(' ')[0]!)));
};
/** The colour at the middle of a built picture, by its address on the site. */
const middle = async (url: string) => {
	const file = join(work, 'dist', url.slice(new URL(SITES.second.url).pathname.length));
	const { width = 0, height = 0 } = await sharp(file).metadata();
	const { data } = await sharp(file).extract({ left: Math.floor(width / 2), top: Math.floor(height / 2), width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
	return [...data.subarray(0, 3)];
};

let before: string[][];
beforeAll(async () => {
	cpSync(SITES.second.root, content, { recursive: true });
	const first = buildSite(content, work, SITES.second.url);
	expect(first.status, first.output).toBe(0);
	before = sources();
	// Same names, other pictures: flat green.
	const green = sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 40, g: 160, b: 80 } } });
	await green.clone().jpeg().toFile(join(content, PHOTOS[0]!));
	await green.clone().png().toFile(join(content, PHOTOS[1]!));
	const second = buildSite(content, work, SITES.second.url);
	expect(second.status, second.output).toBe(0);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a picture replaced under the same file name is made again and served wherever it is shown; the old copies are gone', async () => {
	const after = sources();
	for (const [i, urls] of after.entries()) {
		expect(urls.length, SHOWN[i]!.join(' ')).toBeGreaterThan(1);
		expect(urls.filter((url) => before[i]!.includes(url))).toEqual([]);
		for (const url of urls) {
			const [r, g, b] = await middle(url);
			expect(Math.abs(r! - 40) + Math.abs(g! - 160) + Math.abs(b! - 80), url).toBeLessThan(30);
		}
	}
	const prefix = new URL(SITES.second.url).pathname;
	expect(before.flat().filter((url) => existsSync(join(work, 'dist', url.slice(prefix.length))))).toEqual([]);
});
