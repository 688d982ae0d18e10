// @ts-check
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { cmsAdminIntegration } from './src/integrations/cms-admin.ts';
import { searchIndexIntegration } from './src/integrations/search-index.ts';
import { shardOutputIntegration } from './src/integrations/shard-output.ts';
import { shareCardsIntegration } from './src/integrations/share-cards.ts';
import { staleOutputIntegration } from './src/integrations/stale-output.ts';
import { validateContentIntegration } from './src/integrations/validate-content.ts';
import { verifiedPageCache } from './src/integrations/verified-page-cache.ts';
import { markdownProcessor, markdownShared } from './src/markdown/processor.ts';
import { retiredPages } from './src/lib/retired-pages.ts';
import { buildCacheDir } from './src/lib/cache-dir.ts';
import { buildShard } from './src/lib/shard.ts';

// The public address the site is deployed at; sitemap and canonical URLs use it. Its path is the
// base every link, asset and search request is under: a GitHub Pages project site is served from
// https://<org>.github.io/<repo>/ (the deploy workflow takes the address from actions/configure-pages).
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = new URL(site).pathname;
// The folder the site's content comes from (HUIJI_CONTENT_ROOT): its public/ holds its favicon and logo.
const contentRoot = process.env.HUIJI_CONTENT_ROOT ? resolve(process.env.HUIJI_CONTENT_ROOT) : '.';
/** @type {Set<string> | undefined} Addresses the sitemap leaves out, read once the content pass has run. */
let retired;
// A sharded build (HUIJI_SHARD=k/n, set by `npm run build -- --shard k/n`) renders one shard's entry
// pages and leaves the search indexes to the merge of all shards (src/lib/shard.ts).
const shard = buildShard();
const publicDir = existsSync(join(contentRoot, 'public')) ? join(contentRoot, 'public') : './public';
// Pages Astro's incremental build may reuse are the ones a finished build left, kept in a ledger on a
// thread of its own: opened first (before validation), closed last (verified-page-cache.ts).
const pageCache = verifiedPageCache();

export default defineConfig({
	site,
	base,
	publicDir,
	// Astro's content cache; the scale benchmark keeps one per generated archive.
	cacheDir: buildCacheDir(import.meta.dirname),
	trailingSlash: 'always',
	// Content is validated first, so a build never publishes bad content or silently drops an entry.
	// dist/ is kept between builds (see vite.build below): what a build no longer makes is removed
	// (after the sitemap is written, before the search index reads the pages).
	// Share cards are drawn on a thread of their own, beside the pages (share-cards.ts).
	// The web editor (/admin/, Decap CMS) is written last, its form generated from the schemas (cms-admin.ts).
	// The sitemap leaves out the pages at a merged person's former ids, which only send readers on.
	// A shard leaves its pages and the index step's input for the merge instead of making the indexes.
	integrations: [
		pageCache.opening,
		validateContentIntegration(),
		shareCardsIntegration(),
		sitemap({ filter: (page) => !(retired ??= retiredPages(site)).has(page) }),
		staleOutputIntegration(),
		shard ? shardOutputIntegration(shard) : searchIndexIntegration(),
		cmsAdminIntegration(),
		pageCache.closing,
	],
	// Article and event bodies are rendered page by page from their files (src/markdown/render-file.ts),
	// through the same pipeline as any other Markdown.
	markdown: { ...markdownShared, processor: markdownProcessor },
	// citation-js registers its plugins on its core module: loaded by Node, not bundled, so that the
	// plugins and our code share one core (bundling mixed its ES and CommonJS builds).
	// dist/ is not emptied first: unchanged pages stay in place (src/integrations/stale-output.ts).
	vite: { ssr: { external: ['@citation-js/core', '@citation-js/plugin-bibtex', '@citation-js/plugin-csl'] }, build: { emptyOutDir: false } },
	// Pages from getStaticPaths carry a cacheKey (src/lib/cache-key.ts): unchanged ones are not rendered again.
	experimental: { incrementalBuild: true },
	// Two pages in flight: while one page's files are written (Astro awaits each write), the next is
	// rendered. At 1,000 articles the routes took 9.7–10.6 s against 12.1–13.5 s one at a time
	// (alternating runs, 2026-12-04); four in flight were no faster than two.
	build: { concurrency: 2 },
	// A Content-Security-Policy <meta> on every page: Astro hashes its own scripts and styles; nothing
	// else inline runs. Pagefind needs WebAssembly ('wasm-unsafe-eval') and its worker (same origin);
	// article images are hotlinked from the outlets that ran them (any https host).
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data: https:",
				"connect-src 'self'",
				"worker-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
		},
	},
});
