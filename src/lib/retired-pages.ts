import { contentPass } from '../collections/pass';
import { contentRoot } from './content-root';
import { urlsFor } from './urls';

/**
 * The absolute addresses of pages that only send readers on (a merged speaker's former ids), from
 * the build's content pass: the sitemap leaves them out, as search engines are told to by their
 * noindex and canonical link.
 */
export function retiredPages(site: string): Set<string> {
	const urls = urlsFor(new URL(site).pathname);
	return new Set(contentPass(contentRoot()).records.speakers.flatMap((s) => s.formerIds.map((id) => new URL(urls.speaker(id), site).href)));
}
