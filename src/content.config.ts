import { defineCollection } from 'astro:content';
import { collectionEntries, passLoader, settingsEntries } from './collections/loader';
import { COLLECTIONS } from './collections/registry';

// Derived from the registry (src/collections/registry.ts): one Astro collection per entry there,
// filled from the validator's records, plus the site's settings (content/site.yaml).
export const collections = {
	...Object.fromEntries(COLLECTIONS.map((c) => [c.key, defineCollection({ loader: passLoader(c.key, collectionEntries(c.key)) })])),
	site: defineCollection({ loader: passLoader('site', settingsEntries) }),
};
