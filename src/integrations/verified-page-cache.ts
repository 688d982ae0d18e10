import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseJson, readCacheFile, writeFileAtomic } from '../lib/cache-file';
import { filesUnder, fileSignature, fileSignatureIfAny } from '../lib/file-signature';

/** Where Astro's incremental build keeps its manifest and a copy of every page it rendered (astro/dist/core/build/incremental.js). */
const ASTRO_MANIFEST = 'incremental-build.json';
const ASTRO_COPIES = 'dist';
/** Where Astro's image service keeps the pictures it made (astro/dist/assets/build/generate.js). */
const ASTRO_IMAGES = 'assets';
const LEDGER = 'huiji/page-ledger.json';
const VERSION = 2;

/**
 * Page path (relative to dist/) → signatures of the page in dist/ and of Astro's cached copy, and
 * picture path (relative to the image cache) → its signature, as a finished build left them.
 */
type Ledger = { version: number; pages: Record<string, [dist: string | null, copy: string]>; images: Record<string, string> };

/**
 * Makes Astro's incremental build (`experimental.incrementalBuild`) trust only pages a finished build
 * wrote. Astro writes each page and its cached copy as it renders, but its manifest of cacheKeys only
 * at the end; a page whose key matches the manifest is reused from dist/ or the copy without looking at
 * it. So a build that renders an edited page and then fails (or is killed) leaves the edited page
 * behind under the old key: revert the edit, and the next build kept publishing the reverted text.
 *
 * At the end of every build that finishes, the signature (size, times, inode: lib/file-signature) of
 * every page Astro keeps a copy of is recorded, in dist/ and in the cache. At the start of the next,
 * a page whose file in either place is not the one recorded — written by a build that did not finish,
 * or by anything else — is deleted in both, so Astro renders it again. Without a record (first
 * build, or the record lost) Astro's manifest is deleted: everything is rendered.
 *
 * Astro's image cache is trusted the same way: it copies a cached picture into dist/ without
 * reading it, so one cut short by a killed build was published broken (found by
 * tests/build/fault-tolerance.test.ts). A picture not as a finished build left it is deleted, and
 * every page rendered again, which makes it again (a rare case: a build killed while making pictures).
 */
export function verifiedPageCacheIntegration(): AstroIntegration {
	let cacheDir = '';
	let outDir = '';
	return {
		name: 'huiji:verified-page-cache',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(config.cacheDir);
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': ({ logger }) => {
				const distrusted = distrustUnrecordedPages(cacheDir, outDir);
				if (distrusted === 'all') logger.info('增量构建：没有上次完整构建的记录，全部页面重新生成。');
				else if (distrusted.length) logger.info(`增量构建：${distrusted.length} 个页面不是上次完整构建写下的（如 ${distrusted.slice(0, 3).join('、')}），重新生成。`);
			},
			'astro:build:done': () => recordPages(cacheDir, outDir),
		},
	};
}

/** Deletes what a finished build did not leave; returns the pages concerned, or 'all' when nothing can be trusted. */
export function distrustUnrecordedPages(cacheDir: string, outDir: string): string[] | 'all' {
	const ledger = readCacheFile(join(cacheDir, LEDGER), parseJson) as Ledger | undefined;
	const copies = join(cacheDir, ASTRO_COPIES);
	if (ledger?.version !== VERSION) {
		rmSync(join(cacheDir, ASTRO_MANIFEST), { force: true });
		rmSync(copies, { recursive: true, force: true });
		rmSync(join(cacheDir, ASTRO_IMAGES), { recursive: true, force: true });
		return 'all';
	}
	const untrustedPictures = filesUnder(join(cacheDir, ASTRO_IMAGES)).filter((picture) => ledger.images[picture] !== fileSignature(join(cacheDir, ASTRO_IMAGES, picture)));
	if (untrustedPictures.length) {
		// Astro makes a picture only for a page it renders (a reused page's pictures are copied from
		// the cache, and without one its image service is not even loaded), so every page is rendered.
		for (const picture of untrustedPictures) rmSync(join(cacheDir, ASTRO_IMAGES, picture), { force: true });
		rmSync(join(cacheDir, ASTRO_MANIFEST), { force: true });
		rmSync(copies, { recursive: true, force: true });
		return 'all';
	}
	// The ledger's pages, not a listing of the copies: listing 122,000 page folders took ~4 s, a stat
	// ~6 µs. A copy the ledger does not name was written by a build that did not finish. Astro reuses
	// it only if that build wrote its manifest, which it does once every page is rendered: the copy is
	// then whole and its key current. (A page it rendered again is in the ledger, and caught here.)
	const distrusted: string[] = [];
	for (const [page, recorded] of Object.entries(ledger.pages)) {
		const dist = join(outDir, page);
		const distSignature = fileSignatureIfAny(dist);
		// A missing copy is distrusted too: Astro reuses the page in dist/ on its key alone then.
		const trusted = recorded[1] === fileSignatureIfAny(join(copies, page)) && (distSignature === null || distSignature === recorded[0]);
		if (trusted) continue;
		rmSync(join(copies, page), { force: true });
		rmSync(dist, { force: true });
		distrusted.push(page);
	}
	return distrusted;
}

/** Records the pages and pictures as this finished build leaves them. */
export function recordPages(cacheDir: string, outDir: string): void {
	const copies = join(cacheDir, ASTRO_COPIES);
	const pages: Ledger['pages'] = {};
	for (const page of keptPages(cacheDir) ?? filesUnder(copies)) {
		const copy = fileSignatureIfAny(join(copies, page));
		if (copy !== null) pages[page] = [fileSignatureIfAny(join(outDir, page)), copy];
	}
	const images: Ledger['images'] = {};
	for (const picture of filesUnder(join(cacheDir, ASTRO_IMAGES))) images[picture] = fileSignature(join(cacheDir, ASTRO_IMAGES, picture));
	writeFileAtomic(join(cacheDir, LEDGER), JSON.stringify({ version: VERSION, pages, images } satisfies Ledger));
}

/**
 * The pages Astro keeps a copy of, relative to its copies' folder, from the manifest it writes before
 * `astro:build:done`; undefined when that cannot be read (the copies are then listed instead). Each
 * is a URL relative to the copies' folder (`outputFile`), so names outside ASCII are percent-encoded.
 */
function keptPages(cacheDir: string): string[] | undefined {
	type Manifest = { routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }> };
	const manifest = readCacheFile(join(cacheDir, ASTRO_MANIFEST), parseJson) as Manifest | undefined;
	if (!manifest?.routes) return undefined;
	const copies = pathToFileURL(join(cacheDir, ASTRO_COPIES, '/'));
	const pages: string[] = [];
	for (const route of Object.values(manifest.routes)) {
		for (const { outputFile } of Object.values(route.paths ?? {})) {
			if (typeof outputFile === 'string') pages.push(relative(fileURLToPath(copies), fileURLToPath(new URL(outputFile, copies))));
		}
	}
	return pages;
}
