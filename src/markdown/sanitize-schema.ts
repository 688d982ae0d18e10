import { defaultSchema } from 'rehype-sanitize';

/** What body ids and names are prefixed with, as on GitHub. */
export const USER_CONTENT_PREFIX = 'user-content-';

/**
 * GitHub's sanitising schema, as rehype-sanitize ships it, prefix included: every `id` and `name` in
 * a body becomes `user-content-…`, so that `<pre id="cite-bibtex">` in an article cannot stand in
 * for the page's citation block, nor `<img name="querySelectorAll">` shadow a DOM method the page's
 * script calls. Footnotes are made without a prefix of their own (processor.ts) and get this one.
 */
export const articleSchema = { ...defaultSchema, clobberPrefix: USER_CONTENT_PREFIX };
