import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { filesUnder } from '../../src/lib/file-signature';
import { fixtureSite, npmRunBuild, SITES } from '../support/sites';

// `npm run build` makes the search indexes after Astro has exited (src/cli/build.ts), where a bare
// `astro build` (how the fixtures are built) makes them at its end: readers must get the same site.
const work = mkdtempSync(join(tmpdir(), 'huiji-separate-index-'));
const build = () => npmRunBuild({ contentRoot: SITES.second.root, cacheDir: join(work, 'cache'), siteUrl: SITES.second.url }, '--outDir', join(work, 'dist'));
const sameFiles = (a: string, b: string) => {
	const files = filesUnder(a).sort();
	expect(filesUnder(b).sort()).toEqual(files);
	return files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
};
let first: ReturnType<typeof build>;
let second: ReturnType<typeof build>;
beforeAll(() => {
	first = build();
	second = build();
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
