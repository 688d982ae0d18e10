import { appendFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { measure, type Measured } from './measure';
import { folderSize, reusedRoutes } from './site-stats';

const CONTENT_CONFIG = (root: string) => `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
const from = (folder, pattern) => defineCollection({ loader: glob({ pattern, base: ${JSON.stringify(join(root, 'content'))} + '/' + folder }) });
export const collections = { articles: from('articles', '*.md'), events: from('events', '*.md'), speakers: from('speakers', '*.yaml') };
`;
const PAGE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
	const paths = [];
	for (const collection of ['articles', 'events', 'speakers']) {
		for (const entry of await getCollection(collection)) paths.push({ params: { collection, id: entry.id }, props: { entry }, cacheKey: entry.digest });
	}
	return paths;
}
const { entry } = Astro.props;
const title = entry.data.title ?? entry.data.name;
const Content = entry.body ? (await render(entry)).Content : undefined;
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main data-pagefind-body><h1>{title}</h1>{Content && <Content />}</main></body></html>
`;

/**
 * Astro's own floor: the same archive through Astro with bare templates (Astro's glob loader, its
 * Markdown, one page per article, event and speaker, nothing else), built cold, then again after one
 * article is edited, with Astro's incremental build (each page's cacheKey the entry's digest). What
 * these cost, whatever our pages do, is the least an Astro site can take beside Hugo, cold and for
 * a rebuild.
 */
export async function astroReference(root: string, projectRoot: string, edited: string): Promise<{ build: Measured; rebuild: Measured; pages: number }> {
	const site = astroSite(join(root, 'astro-bare'), projectRoot, 'experimental: { incrementalBuild: true }');
	mkdirSync(join(site, 'src/pages/[collection]'), { recursive: true });
	writeFileSync(join(site, 'src/content.config.mjs'), CONTENT_CONFIG(root));
	writeFileSync(join(site, 'src/pages/[collection]/[id].astro'), PAGE);
	const build = await astroBuildIn(site, projectRoot);
	const pages = folderSize(join(site, 'dist')).html;
	appendFileSync(join(root, 'content/articles', `${edited}.md`), '\n又记：下一届的征稿通知同日发出。\n');
	const rebuild = await astroBuildIn(site, projectRoot);
	const { reused, routes } = reusedRoutes(rebuild.output);
	// A rebuild that rendered everything again would not be Astro's incremental floor.
	if (reused < pages - 10) throw new Error(`bare Astro's rebuild reused ${reused} of ${routes} pages`);
	return { build, rebuild, pages };
}

/**
 * Astro's fixed cost: a site of one page and no content (Astro's start, its content sync, bundling,
 * one route) built cold `times` times, its caches and Node's compile cache emptied first, as ours are.
 * Whatever an Astro site holds, no build of it is shorter: the least any cold build or rebuild of ours
 * can take.
 */
export async function astroOnePage(root: string, projectRoot: string, times: number): Promise<number[]> {
	const site = astroSite(join(root, 'astro-one-page'), projectRoot);
	mkdirSync(join(site, 'src/pages'), { recursive: true });
	writeFileSync(join(site, 'src/pages/index.astro'), '<html lang="zh-CN"><head><meta charset="utf-8"><title>会记</title></head><body><h1>会记</h1></body></html>\n');
	const walls: number[] = [];
	for (let i = 0; i < times; i++) {
		for (const dir of ['dist', '.astro', '.astro-cache', '.vite-cache', 'compile-cache']) rmSync(join(site, dir), { recursive: true, force: true });
		walls.push((await astroBuildIn(site, projectRoot)).wall);
	}
	rmSync(site, { recursive: true, force: true });
	return walls;
}

/** A fresh Astro project in `site` using the project's node_modules, with `config` (object members) in its astro.config.mjs. */
function astroSite(site: string, projectRoot: string, config = ''): string {
	rmSync(site, { recursive: true, force: true });
	mkdirSync(site, { recursive: true });
	symlinkSync(join(projectRoot, 'node_modules'), join(site, 'node_modules'));
	writeFileSync(join(site, 'package.json'), JSON.stringify({ name: basename(site), private: true, type: 'module' }));
	// Caches inside this folder: node_modules is the project's, and Astro and Vite keep theirs there by default.
	writeFileSync(join(site, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig({ cacheDir: './.astro-cache', vite: { cacheDir: './.vite-cache' }${config ? `, ${config}` : ''} });\n`);
	return site;
}

/** `astro build` in `site`, Node's compile cache in its folder (emptied with the caches for a cold build, as ours is). */
async function astroBuildIn(site: string, projectRoot: string): Promise<Measured> {
	const run = await measure(join(projectRoot, 'node_modules/.bin/astro'), ['build'], { cwd: site, env: { NODE_COMPILE_CACHE: join(site, 'compile-cache') } });
	if (!/Complete!/.test(run.output)) throw new Error(`Astro build in ${site} failed:\n${run.output.slice(-2000)}`);
	return run;
}
