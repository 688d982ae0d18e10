import type { z } from 'zod';
import type { Collection } from '../collections/registry';
import type { SiteSettings } from '../schemas';

/** Where an entry came from, for error messages (path relative to the project root). */
export interface Located {
	id: string;
	filePath: string;
	/** Not published: an article with `draft: true`, or a person whose every source is such an article (see withPendingEntries). */
	draft?: boolean;
}

/** A Markdown entry's file as the validator read it: pages render the body from `bodyStart` on, without parsing the front matter again. */
export interface BodyFile {
	/** Hash of the whole file: part of the page's cacheKey. */
	digest: string;
	/** Character offset of the body (after the front matter). */
	bodyStart: number;
	/** The site's own images the body shows (paths in public/), in order: an article's share image is the first. */
	images: string[];
}

/** Every collection of the registry, validated by its schema, as plain data: the input of the site model. */
export type SiteRecords = {
	[C in Collection as C['key']]: (z.output<ReturnType<C['schema']>> & Located & (C extends { body: true } ? BodyFile : object))[];
} & {
	/** content/site.yaml. */
	settings: SiteSettings;
};
