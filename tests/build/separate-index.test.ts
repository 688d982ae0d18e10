import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { filesUnder } from '../../src/lib/file-signature';
import { buildEnv, fixtureSite, SITES } from '../support/sites';

// `npm run build` makes the search indexes after Astro has exited (src/cli/build.ts), where a bare
// `astro build` (how the fixtures are built) makes them at its end: readers must get the same site.
const work = mkdtempSync(join(tmpdir(), 'huiji-separate-index-'));
const project = join(import.meta.dirname, '..', '..');
const npmRunBuild = () => {
	const run = spawnSync(join(project, 'node_modules/.bin/node'), ['src/cli/build.ts', '--outDir', join(work, 'dist')], {
		cwd: project,
		encoding: 'utf8',
		env: { ...buildEnv(), FORCE_COLOR: '0', HUIJI_CONTENT_ROOT: SITES.second.root, HUIJI_CACHE_DIR: join(work, 'cache'), SITE_URL: SITES.second.url },
	});
	return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
};
const sameFiles = (a: string, b: string) => {
	const files = filesUnder(a).sort();
	expect(filesUnder(b).sort()).toEqual(files);
	return files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
};
let first: ReturnType<typeof npmRunBuild>;
let second: ReturnType<typeof npmRunBuild>;
beforeAll(() => {
	first = npmRunBuild();
	second = npmRunBuild();
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('npm run build publishes, byte for byte, the site astro build does, search indexes included', () => {
	expect(first.status, first.output).toBe(0);
	expect(first.output).toContain('检索索引：Astro 退出后单独建立。');
	expect(first.output).toMatch(/检索索引：精确索引 \d+ 个页面/);
	expect(existsSync(join(work, 'dist/search-index/manifest.json'))).toBe(true);
	expect(sameFiles(fixtureSite('second').dist, join(work, 'dist'))).toEqual([]);
	// What the index step needed from Astro's build was taken, not left to be taken again.
	expect(existsSync(join(work, 'cache/search/pending-index.json'))).toBe(false);
});

test('built again unchanged, it reuses both indexes and still publishes the same site', () => {
	expect(second.status, second.output).toBe(0);
	expect(second.output).toMatch(/沿用上次构建，更新 0 个页面.*Pagefind \d+ 个页面（沿用上次构建）/);
	expect(sameFiles(fixtureSite('second').dist, join(work, 'dist'))).toEqual([]);
});
