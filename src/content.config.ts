import { defineCollection } from 'astro:content';
import { PASS_COLLECTION, passLoader } from './collections/loader';

// One collection whose one entry names the current content pass (src/collections/loader.ts): the
// records themselves go from the validator to the site model (src/lib/site.ts) without Astro's store.
export const collections = { [PASS_COLLECTION]: defineCollection({ loader: passLoader() }) };
