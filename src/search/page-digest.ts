import { createHash } from 'node:crypto';
import type { SearchPage } from './exact-index';

/** A hash of everything the exact index holds of a page (its state compares pages by it). */
export const pageHash = (p: SearchPage) =>
	createHash('sha1').update(JSON.stringify([p.url, p.title, p.kind, p.date, p.event, p.names, p.body, p.filters, p.person])).digest('base64url');

/**
 * What the page cache knew of a page whose body it has not read (./page-cache.ts: bodies are read
 * only when asked for): its hash and its body's length, so that a rebuild after one edit neither
 * reads nor hashes 100,000 bodies to find that one changed.
 */
const known = new WeakMap<SearchPage, { hash: string; length: number; lead: string }>();

/**
 * How much of a body's start the page cache keeps beside its hash: Pagefind's records take the
 * first ~200 characters of each body at 10,000 articles and fewer beyond (pagefind-records.ts), so
 * they are made without reading bodies. Reading 122,000 bodies for their first characters took
 * 8.4 s of a rebuild after one edit at 100,000 articles.
 */
export const LEAD = 256;

export const rememberDigest = (p: SearchPage, hash: string, length: number, lead: string) => known.set(p, { hash, length, lead });

/** pageHash(p), from the page cache when it knows it. */
export const hashOf = (p: SearchPage) => known.get(p)?.hash ?? pageHash(p);

/** p.body.length, from the page cache when it knows it. */
export const bodyLengthOf = (p: SearchPage) => known.get(p)?.length ?? p.body.length;

/** p.body.slice(0, n), from the page cache when it kept that much. */
export function bodyStartOf(p: SearchPage, n: number): string {
	const k = known.get(p);
	return k && (n <= k.lead.length || k.lead.length === k.length) ? k.lead.slice(0, n) : p.body.slice(0, n);
}
