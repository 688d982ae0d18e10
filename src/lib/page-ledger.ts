import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ASTRO_MANIFEST } from './cache-dir.ts';
import { readCacheJson, writeFileAtomic } from './cache-file.ts';
import { filesUnder, fileSignature, fileSignatureIfAny } from './file-signature.ts';

// The page ledger of src/integrations/verified-page-cache.ts (which says why), kept on a thread of
// its own (./page-ledger-worker.ts; Node loads these files as they are, so imports name their files).

/** Where Astro's incremental build keeps a copy of every page it rendered, beside its manifest (astro/dist/core/build/incremental.js). */
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
 * What a build found at its start: the pages whose file in dist/ and copy were as the ledger recorded
 * them, Astro's manifest as keptPages() gives it, and whether Astro was told to render every page
 * again (`astro build --force`).
 */
export type Unchanged = { verified: Map<string, Ledger['pages'][string]>; kept: KeptPages; forced: boolean };

/**
 * What a build starts from: distrustUnrecordedPages(), then Astro's manifest as it stands (before
 * Astro replaces it), and whether Astro was told to render every page again.
 */
export function pagesAtStart(cacheDir: string, outDir: string, forced: boolean): { distrusted: string[] | 'all'; atStart: Unchanged } {
	const { distrusted, verified } = distrustUnrecordedPages(cacheDir, outDir);
	return { distrusted, atStart: { verified, kept: keptPages(cacheDir) ?? { build: undefined, pages: new Map() }, forced } };
}

/**
 * Deletes what a finished build did not leave; returns the pages concerned, or 'all' when nothing can
 * be trusted, and the pages verified as recorded (with a file in dist/).
 */
function distrustUnrecordedPages(cacheDir: string, outDir: string): { distrusted: string[] | 'all'; verified: Unchanged['verified'] } {
	const verified: Unchanged['verified'] = new Map();
	const ledger = readCacheJson(join(cacheDir, LEDGER)) as Ledger | undefined;
	const copies = join(cacheDir, ASTRO_COPIES);
	if (ledger?.version !== VERSION) {
		rmSync(join(cacheDir, ASTRO_MANIFEST), { force: true });
		rmSync(copies, { recursive: true, force: true });
		rmSync(join(cacheDir, ASTRO_IMAGES), { recursive: true, force: true });
		return { distrusted: 'all', verified };
	}
	const untrustedPictures = filesUnder(join(cacheDir, ASTRO_IMAGES)).filter((picture) => ledger.images[picture] !== fileSignature(join(cacheDir, ASTRO_IMAGES, picture)));
	if (untrustedPictures.length) {
		// Astro makes a picture only for a page it renders (a reused page's pictures are copied from
		// the cache, and without one its image service is not even loaded), so every page is rendered.
		for (const picture of untrustedPictures) rmSync(join(cacheDir, ASTRO_IMAGES, picture), { force: true });
		rmSync(join(cacheDir, ASTRO_MANIFEST), { force: true });
		rmSync(copies, { recursive: true, force: true });
		return { distrusted: 'all', verified };
	}
	// The ledger's pages, not a listing of the copies: listing 122,000 page folders took ~4 s, a stat
	// ~6 µs. A copy the ledger does not name was written by a build that did not finish. Astro reuses
	// it only if that build wrote its manifest, which it does once every page is rendered: the copy is
	// then whole and its key current. (A page it rendered again is in the ledger, and caught here.)
	//
	// The copy is looked at only when dist/ lacks the page: Astro restores a page from its copy then,
	// and never while dist/ has it. A page in dist/ as recorded keeps its recorded copy signature, so
	// a copy changed meanwhile is caught the day dist/ loses the page (one stat per page instead of
	// two: ~1.7 s at 100,000 articles).
	const distrusted: string[] = [];
	for (const [page, recorded] of Object.entries(ledger.pages)) {
		const dist = join(outDir, page);
		const distSignature = fileSignatureIfAny(dist);
		if (distSignature !== null && distSignature === recorded[0]) {
			verified.set(page, recorded);
			continue;
		}
		// A missing copy is distrusted too: Astro reuses the page in dist/ on its key alone then.
		if (distSignature === null && recorded[1] === fileSignatureIfAny(join(copies, page))) continue;
		rmSync(join(copies, page), { force: true });
		rmSync(dist, { force: true });
		distrusted.push(page);
	}
	return { distrusted, verified };
}

/**
 * Records the pages and pictures as this finished build leaves them. A page verified at the start
 * whose manifest entry and route code are unchanged was reused from dist/ as it was (Astro renders a
 * page again only when its route's code, its key or its content entries changed, and restores one
 * only when dist/ lacks it), so its signatures are carried over instead of taken again: a stat of
 * each of 122,000 pages in two places was 3.9 s of a rebuild at 100,000 articles. Should Astro have
 * written such a page anyway, the next build finds it unlike the record and renders it once more:
 * a wrong carry-over costs a render, never trust in a page the ledger did not see.
 */
export function recordPages(cacheDir: string, outDir: string, atStart?: Unchanged): void {
	const copies = join(cacheDir, ASTRO_COPIES);
	const pages: Ledger['pages'] = {};
	const manifest = keptPages(cacheDir);
	const kept = manifest?.pages ?? new Map(filesUnder(copies).map((page) => [page, undefined]));
	// Astro renders every page again, whatever its entry, when its configuration, the lockfile or its
	// manifest's version changed (its manifest then names another build) or when forced: nothing is
	// carried over then. (Carried over, a whole site rendered anew was found unlike the record by the
	// next build and rendered once more.)
	const sameBuild = atStart !== undefined && !atStart.forced && manifest?.build !== undefined && manifest.build === atStart.kept.build;
	for (const [page, entry] of kept) {
		const known = sameBuild ? atStart.verified.get(page) : undefined;
		if (known && entry !== undefined && atStart!.kept.pages.get(page) === entry) {
			pages[page] = known;
			continue;
		}
		const copy = fileSignatureIfAny(join(copies, page));
		if (copy !== null) pages[page] = [fileSignatureIfAny(join(outDir, page)), copy];
	}
	const images: Ledger['images'] = {};
	for (const picture of filesUnder(join(cacheDir, ASTRO_IMAGES))) images[picture] = fileSignature(join(cacheDir, ASTRO_IMAGES, picture));
	writeFileAtomic(join(cacheDir, LEDGER), JSON.stringify({ version: VERSION, pages, images } satisfies Ledger));
}

/**
 * Astro's manifest: what names the build it was written by (the manifest's version, Astro's hashes of
 * the configuration and of the lockfile: a manifest of another build is not used), and the pages Astro
 * keeps a copy of, relative to its copies' folder, each with what decides whether Astro renders it
 * again (its route's dependency hash and its manifest entry: key, content entries).
 */
type KeptPages = { build: string | undefined; pages: Map<string, string> };

/**
 * Astro's manifest as it stands (written before `astro:build:done`); undefined when it cannot be read
 * (the copies are then listed). A manifest entry's `outputFile` is a URL relative to the copies'
 * folder, so names outside ASCII are percent-encoded.
 */
function keptPages(cacheDir: string): KeptPages | undefined {
	type Manifest = { version?: unknown; configHash?: unknown; lockfileHash?: unknown; routes?: Record<string, { dependencyHash?: unknown; paths?: Record<string, { outputFile?: unknown }> }> };
	const manifest = readCacheJson(join(cacheDir, ASTRO_MANIFEST)) as Manifest | undefined;
	if (!manifest?.routes) return undefined;
	const copies = join(cacheDir, ASTRO_COPIES);
	const copiesUrl = pathToFileURL(join(copies, '/'));
	const pages = new Map<string, string>();
	for (const route of Object.values(manifest.routes)) {
		for (const entry of Object.values(route.paths ?? {})) {
			if (typeof entry.outputFile !== 'string') continue;
			pages.set(relative(copies, fileURLToPath(new URL(entry.outputFile, copiesUrl))), `${String(route.dependencyHash)}\n${JSON.stringify(entry)}`);
		}
	}
	return { build: JSON.stringify([manifest.version, manifest.configHash, manifest.lockfileHash]), pages };
}
