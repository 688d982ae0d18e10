import { createHash } from 'node:crypto';

/**
 * A page's `cacheKey` for Astro's incremental build (`experimental.incrementalBuild`): a hash of
 * everything the page is rendered from — its props (view models carry all a page shows) and,
 * for pages with a Markdown body, that file's digest. Same key, same page: Astro reuses the
 * previous output instead of rendering it again.
 */
export const cacheKey = (...inputs: unknown[]): string => createHash('sha1').update(JSON.stringify(inputs)).digest('base64url');
