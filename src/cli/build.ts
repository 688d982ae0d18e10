import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildCacheDir } from '../lib/cache-dir.ts';
import { SEPARATE_INDEX_ENV, takePendingIndex } from '../search/separate-index.ts';
import { indexReport, writeSearchIndexes } from '../search/write-indexes.ts';

// `npm run build [-- <astro build options>]`: `astro build`, then the search indexes in this process
// once Astro has exited, so that its memory and theirs are never held at once (at 100,000 articles
// Astro's process ends at 4.8 GB, and the indexes need ~1 GB of page text, their arrays and
// Pagefind's process). Node runs this file as it is: its imports name their files.
const project = join(import.meta.dirname, '..', '..');
const astro = spawnSync(join(project, 'node_modules/.bin/astro'), ['build', ...process.argv.slice(2)], {
	cwd: project,
	stdio: 'inherit',
	env: { ...process.env, [SEPARATE_INDEX_ENV]: 'separate' },
});
if (astro.status !== 0) process.exit(astro.status ?? 1);

const searchCache = join(buildCacheDir(project), 'search');
const { site, base, facts } = takePendingIndex(searchCache);
const written = await writeSearchIndexes(site, new Map(facts), { cacheDir: searchCache, base });
console.log(`${new Date().toTimeString().slice(0, 8)} [huiji:search-index] ${indexReport(written)}`);
