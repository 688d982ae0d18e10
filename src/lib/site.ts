import { getEntry } from 'astro:content';
import { PASS_COLLECTION, PASS_ENTRY } from '../collections/loader';
import { contentPass } from '../collections/pass';
import { uiFor } from '../i18n';
import type { SiteSettings } from '../schemas';
import { CARD_VERSION } from '../cards/render-card';
import { shareCardPngs } from '../cards/share-cards';
import { cacheKey } from './cache-key';
import { contentRoot } from './content-root';
import { imagesDigest, pictureDigest } from './pictures';
import type { SiteRecords } from './records';
import { buildShard, entriesOfShard } from './shard';
import { buildSiteModel } from './site-model';
import { handOverSearchEntries } from '../search/search-entries-handoff';

// Loaded once per build: every page imports `site` from here instead of querying content itself.
// The records are the validator's (src/collections/pass.ts), taken straight from the content pass
// of this process: checked, references resolved. The pass's entry is read to name this module's
// dependency on it: in `astro dev` a change of that entry after an edit is what evaluates the pages
// again (src/collections/loader.ts; Astro did so in a test even without this read).
await getEntry(PASS_COLLECTION, PASS_ENTRY);
const records: SiteRecords = contentPass(contentRoot()).records;
const settings: SiteSettings = records.settings;

export const site = buildSiteModel(records, { base: import.meta.env.BASE_URL, pictureDigest });
handOverSearchEntries(import.meta.env.BASE_URL, site.searchEntries);
/** The reader-facing strings of the site's language. */
export const ui = uiFor(settings.lang);

/**
 * A page's `cacheKey` for incremental builds (./cache-key.ts): what it is rendered from, plus the
 * site's settings, which every page's header and footer show.
 */
export const pageKey = (...inputs: unknown[]) => cacheKey(settings, import.meta.env.BASE_URL, ...inputs);

// A body's digest covers the images in public/ it shows: a replaced picture renders the page again.
const bodyOf = (list: SiteRecords['events'] | SiteRecords['articles']) =>
	new Map(list.map((e) => [e.id, { path: e.filePath, digest: [e.digest, ...imagesDigest(e.images)].join(' '), bodyStart: e.bodyStart }]));
const eventFiles = bodyOf(records.events);
const articleFiles = bodyOf(records.articles);

/** The Markdown file behind a page, for rendering its body (src/markdown/render-file.ts), and its digest. */
export const bodyFile = {
	event: (id: string) => eventFiles.get(id)!,
	article: (id: string) => articleFiles.get(id)!,
};

const shard = buildShard();
// Pages are generated in the order the sitemap lists them: @astrojs/sitemap 3.7 sorts every URL with
// localeCompare(…, 'en', { numeric: true }), which took 8.3 s of a rebuild at 100,000 articles with
// the pages in date order, and takes 1.0 s when each route's pages come in its order (runs a sort merges).
const byId = new Intl.Collator('en', { numeric: true }).compare;
/**
 * The entries whose pages this build renders, for routes' getStaticPaths: every one, or in a sharded
 * build (./shard.ts) those of its shard. Lists and links still come from the whole `site`.
 */
export const ownEntries = <T extends { id: string }>(entries: readonly T[]): T[] => entriesOfShard(entries, shard).sort((a, b) => byId(a.id, b.id));

/** Every share card this build renders with its cacheKey, and its PNG by that key (drawn beside the pages in a build: ../cards/share-cards.ts). */
export const shareCards = ownEntries(site.cards).map((c) => ({ ...c, key: pageKey(c.card, CARD_VERSION) }));
export const shareCardPng = shareCardPngs(shareCards, settings.theme.accent);
