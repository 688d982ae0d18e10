import { unified, type RehypePlugins } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { zhCN } from '../i18n/zh-CN.ts';
import { rehypeBasePath } from './rehype-base-path.ts';
import { rehypeExternalImages } from './rehype-external-images.ts';
import { rehypeUserContentLinks } from './rehype-user-content-links.ts';
import { articleSchema, USER_CONTENT_PREFIX } from './sanitize-schema.ts';

/**
 * The one Markdown pipeline: Astro's `markdown.processor` and the renderer of content bodies
 * (render-file.ts) both use it, so a body renders the same wherever it is shown. `pictures` is the
 * step that turns images in the repository into responsive pictures (render-file.ts gives it: it
 * needs Astro's image service, which the config's own copy of the pipeline cannot load).
 */
export const markdownProcessorWith = (pictures?: RehypePlugins[number]) => unified({
	gfm: false, // remark-gfm is added explicitly below
	// Smart quotes would rewrite the sources' punctuation; article text stays as written.
	smartypants: false,
	remarkPlugins: [remarkGfm],
	// Article bodies come from editors and pasted sources: raw HTML is parsed, then cut down to
	// GitHub's safe subset (no script, style, iframe, event handlers or javascript: URLs);
	// heading ids and image attributes are added after sanitising, so they survive it.
	// Site-absolute links and images gain the base path. Links to other sites open no window handle
	// back to ours, and send no Referer.
	// Ids and names in a body are all prefixed with `user-content-` (sanitize-schema.ts): footnotes
	// are made unprefixed so that they are prefixed once, heading ids get the same prefix, and
	// in-body links to them follow (rehype-user-content-links.ts).
	remarkRehype: { clobberPrefix: '', footnoteLabel: zhCN.footnotes.label, footnoteBackLabel: (i: number) => zhCN.footnotes.backLabel(i + 1) },
	rehypePlugins: [
		rehypeRaw,
		[rehypeSanitize, articleSchema],
		[rehypeSlug, { prefix: USER_CONTENT_PREFIX }],
		rehypeUserContentLinks,
		rehypeExternalImages,
		// Before the base path is added: the picture's addresses come from Astro with it already.
		...(pictures ? [pictures] : []),
		rehypeBasePath,
		[rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
	],
});

export const markdownProcessor = markdownProcessorWith();

/** Code blocks (rare in news text) stay plain: Shiki's inline styles would break the CSP. */
export const markdownShared = { syntaxHighlight: false } as const;
