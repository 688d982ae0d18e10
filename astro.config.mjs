// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { searchIndexIntegration } from './src/integrations/search-index.ts';
import { validateContentIntegration } from './src/integrations/validate-content.ts';
import { rehypeExternalImages } from './src/markdown/rehype-external-images.ts';
import { articleSchema } from './src/markdown/sanitize-schema.ts';

// The public address the site is deployed at; sitemap and canonical URLs use it.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
	site,
	trailingSlash: 'always',
	// Content is validated first, so a build never publishes bad content or silently drops an entry.
	integrations: [validateContentIntegration(), sitemap(), searchIndexIntegration()],
	markdown: {
		// Code blocks (rare in news text) stay plain: Shiki's inline styles would break the CSP below.
		syntaxHighlight: false,
		// Astro 7 defaults to another processor; unified keeps remark/rehype plugins working.
		processor: unified({
			gfm: false, // remark-gfm is added explicitly below
			// Smart quotes would rewrite the sources' punctuation; article text stays as written.
			smartypants: false,
			remarkPlugins: [remarkGfm],
			// Article bodies come from editors and pasted sources: raw HTML is parsed, then cut down to
			// GitHub's safe subset (no script, style, iframe, event handlers or javascript: URLs);
			// heading ids and image attributes are added after sanitising, so they survive it.
			// Links to other sites open no window handle back to ours, and send no Referer.
			rehypePlugins: [rehypeRaw, [rehypeSanitize, articleSchema], rehypeSlug, rehypeExternalImages, [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }]],
		}),
	},
	// citation-js registers its plugins on its core module: loaded by Node, not bundled, so that the
	// plugins and our code share one core (bundling mixed its ES and CommonJS builds).
	vite: { ssr: { external: ['@citation-js/core', '@citation-js/plugin-bibtex', '@citation-js/plugin-csl'] } },
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
