import { defaultSchema } from 'rehype-sanitize';

/**
 * GitHub's sanitising schema, as rehype-sanitize ships it. One change: GFM footnotes already
 * prefix their ids and links with `user-content-`, so ids are not prefixed a second time
 * (which would break every footnote link).
 */
export const articleSchema = { ...defaultSchema, clobberPrefix: '' };
