import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure } from './scale/measure';

// What Astro's incremental build costs by itself for a site of N pages that all come back from its
// cache: `npm exec tsx tests/bench/incremental-floor.ts -- --pages 123195` (default: the 100,000-article
// archive's page count). One route returns N paths, each with a cacheKey and a one-line page; the
// site is built cold, then three times unchanged. What a rebuild of ours takes beyond this is ours:
// validating the content, the site model, every page's key, the caches' checks and the search index.
const project = join(import.meta.dirname, '..', '..');
const at = process.argv.indexOf('--pages');
const pages = at > 0 ? Number(process.argv[at + 1]) : 123_195;
if (!Number.isInteger(pages) || pages < 1) throw new Error('--pages takes a whole number, e.g. --pages 123195');

const site = mkdtempSync(join(tmpdir(), 'huiji-floor-'));
try {
	mkdirSync(join(site, 'src/pages/p'), { recursive: true });
	symlinkSync(join(project, 'node_modules'), join(site, 'node_modules'));
	writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'incremental-floor', private: true, type: 'module' }));
	writeFileSync(
		join(site, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'http://localhost:4321', trailingSlash: 'always', experimental: { incrementalBuild: true }, vite: { build: { emptyOutDir: false } } });\n`,
	);
	writeFileSync(
		join(site, 'src/pages/p/[id].astro'),
		`---\nexport function getStaticPaths() {\n\treturn Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i) }, props: { i }, cacheKey: String(i) }));\n}\nconst { i } = Astro.props;\n---\n<html lang="zh-CN"><head><meta charset="utf-8"><title>第 {i} 页</title></head><body><p>第 {i} 页</p></body></html>\n`,
	);
	const runs: [string, number, number][] = [];
	for (const name of ['cold', 'unchanged 1', 'unchanged 2', 'unchanged 3']) {
		const run = await measure(join(project, 'node_modules/.bin/astro'), ['build'], { cwd: site, marks: { done: /Complete!/ } });
		runs.push([name, run.wall, run.peakTree]);
	}
	console.log(`Astro's incremental build alone, ${pages} pages (${new Date().toISOString().slice(0, 10)}):\n`);
	console.log('| build | wall | peak RSS (tree) |\n| --- | --- | --- |');
	for (const [name, wall, peak] of runs) console.log(`| ${name} | ${(wall / 1000).toFixed(1)} s | ${(peak / 2 ** 30).toFixed(2)} GB |`);
} finally {
	rmSync(site, { recursive: true, force: true });
}
