import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { BuiltSite } from '../site-check/built-site';

const project = join(import.meta.dirname, '..', '..');

/**
 * The fixture sites the generator is tested on (tests/fixtures/), each built once per `npm test` by
 * the global setup (tests/global-setup.ts) with the project's real configuration:
 * - `proceedings`: a frozen copy of the launch content as it stood when the generator tests were
 *   written, so that tests may assert exact values without moving with editors' edits to content/;
 * - `second`: another organisation's small site with its own site.yaml, built for a sub-path.
 */
export const SITES = {
	proceedings: { root: join(project, 'tests/fixtures/proceedings'), url: 'http://localhost:4321/' },
	second: { root: join(project, 'tests/fixtures/second-site'), url: 'https://lakeside.example.org/conf-archive/' },
} as const;
export type SiteName = keyof typeof SITES;

const output = (name: SiteName) => join(project, 'tests/.output/sites', name);

/**
 * `astro build` of the site whose content is in `contentRoot`, with the project's configuration,
 * into `<out>/dist` (Astro's cache in `<out>/cache`), with Astro's options `args`; returns its exit
 * status and everything it printed.
 */
export function buildSite(contentRoot: string, out: string, siteUrl?: string, ...args: string[]): { status: number | null; output: string } {
	const result = spawnSync(join(project, 'node_modules/.bin/astro'), ['build', '--outDir', join(out, 'dist'), ...args], {
		cwd: project,
		encoding: 'utf8',
		env: { ...buildEnv(), FORCE_COLOR: '0', HUIJI_CONTENT_ROOT: contentRoot, HUIJI_CACHE_DIR: join(out, 'cache'), ...(siteUrl ? { SITE_URL: siteUrl } : {}) },
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * `npm run build` (src/cli/build.ts: Astro's build, then the index step; `--shard`, `--merge`) with
 * these arguments, of the site whose content is in `contentRoot`, its cache in `cacheDir`.
 */
export function npmRunBuild({ contentRoot, cacheDir, siteUrl }: { contentRoot: string; cacheDir: string; siteUrl: string }, ...args: string[]): { status: number | null; output: string } {
	const result = spawnSync(join(project, 'node_modules/.bin/node'), ['src/cli/build.ts', ...args], {
		cwd: project,
		encoding: 'utf8',
		env: { ...buildEnv(), FORCE_COLOR: '0', HUIJI_CONTENT_ROOT: contentRoot, HUIJI_CACHE_DIR: cacheDir, SITE_URL: siteUrl },
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * The environment for a build started from a test: without the variables Vitest sets for its own
 * Vite (BASE_URL=/, MODE, DEV, PROD, SSR), which the build's Vite would take as its own, so that a
 * site built for /conf-archive/ from inside a test linked to / (found by tests/e2e/cms.test.ts).
 */
export function buildEnv(): NodeJS.ProcessEnv {
	const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...env } = process.env;
	return env;
}

/** Builds a fixture site afresh. */
export function buildFixtureSite(name: SiteName) {
	rmSync(output(name), { recursive: true, force: true });
	return buildSite(SITES[name].root, output(name), SITES[name].url);
}

/** A built fixture site: where it is, its pages parsed once, its content root. */
export function fixtureSite(name: SiteName) {
	const dist = join(output(name), 'dist');
	if (!existsSync(join(dist, 'index.html'))) throw new Error(`fixture site ${name} is not built: run the tests through vitest (tests/global-setup.ts builds it)`);
	const built = new BuiltSite(dist);
	return {
		...SITES[name],
		dist,
		/** The same pages as the site checks of `npm run check:site` read them. */
		built,
		/** The built page for a URL path like `/events/x/` (parsed once). */
		page: (urlPath: string): Root => built.tree(urlPath),
		fileFor: (urlPath: string) => built.fileFor(urlPath),
		/** Every HTML file, as URL paths (`/events/x/`). */
		pages: () => built.pages(),
	};
}

/**
 * `astro build` as buildSite() runs it, killed with SIGKILL (no clean-up of any kind) as soon as
 * what it has printed satisfies `killWhen`; resolves with its output and whether it was killed.
 */
export function buildKilled(contentRoot: string, out: string, siteUrl: string, killWhen: (output: string) => boolean): Promise<{ killed: boolean; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(join(project, 'node_modules/.bin/astro'), ['build', '--outDir', join(out, 'dist')], {
			cwd: project,
			env: { ...buildEnv(), FORCE_COLOR: '0', HUIJI_CONTENT_ROOT: contentRoot, HUIJI_CACHE_DIR: join(out, 'cache'), SITE_URL: siteUrl },
		});
		let output = '';
		let killed = false;
		const listen = (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (!killed && killWhen(output)) {
				killed = true;
				child.kill('SIGKILL');
			}
		};
		child.stdout.on('data', listen);
		child.stderr.on('data', listen);
		child.on('error', reject);
		child.on('close', () => resolve({ killed, output }));
	});
}
