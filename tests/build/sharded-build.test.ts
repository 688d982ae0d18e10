import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { filesUnder, fileSignature } from '../../src/lib/file-signature';
import { copyContent, replaceIn } from '../support/content-copy';
import { buildSite, fixtureSite, npmRunBuild, SITES } from '../support/sites';

// A large archive is built in shards side by side (a CI matrix), then merged, then indexed
// (src/lib/shard.ts, src/lib/shard-output.ts): readers must get the site one build makes.
const work = mkdtempSync(join(tmpdir(), 'huiji-sharded-'));
const content = copyContent(SITES.second.root);
const build = (...args: string[]) => npmRunBuild({ contentRoot: content, cacheDir: join(work, 'cache'), siteUrl: SITES.second.url }, ...args);
// One after another: two Astro builds of one checkout at once overwrite each other's server bundle in
// the project's .astro/ (tried: "Cannot find module .astro/.prerender/chunks/…"). A CI matrix's jobs
// each have their own checkout.
const buildShards = () => [1, 2].map((k) => build('--shard', `${k}/2`, '--outDir', join(work, 'shards', String(k))));
const merge = (from = join(work, 'shards'), outDir = join(work, 'dist')) => build('--merge', from, '--outDir', outDir);

/** Paths of files in `a` and `b` whose bytes differ, after checking both hold the same files. */
const differing = (a: string, b: string) => {
	const files = filesUnder(a);
	expect(filesUnder(b)).toEqual(files);
	return files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
};
/** A page of the article list by year (`articles/year/2023/`), a list like the home page. */
const ofYear = (path: string) => /^articles\/year\/(\d{4}|undated)\//.test(path);
/** A page or file of one entry (its page, feed, calendar, citations, share card), as against lists and the home page. */
const ofEntry = (path: string) => ((/^(articles|events|speakers|topics|organizations|series)\/[^/]+\//.test(path) && !ofYear(path)) || path.startsWith('cards/'));

let shards: ReturnType<typeof build>[];
let merged: ReturnType<typeof build>;
beforeAll(() => {
	shards = buildShards();
	merged = merge();
}, 300_000);
afterAll(() => {
	rmSync(work, { recursive: true, force: true });
	rmSync(content, { recursive: true, force: true });
});

test('two shards merged publish, byte for byte, the site one build makes, search indexes and sitemap included', () => {
	for (const shard of shards) expect(shard.status, shard.output).toBe(0);
	expect(shards[0]!.output).toContain('分片 1/2');
	expect(merged.status, merged.output).toBe(0);
	expect(merged.output).toMatch(/合并 2 个分片/);
	expect(merged.output).toMatch(/检索索引：精确索引 \d+ 个页面/);
	expect(differing(fixtureSite('second').dist, join(work, 'dist'))).toEqual([]);
});

test('each entry’s pages are rendered by one shard only, the lists and home page by both', () => {
	const [one, two] = [1, 2].map((k) => new Set(filesUnder(join(work, 'shards', String(k))).filter((f) => !f.startsWith('huiji-shard'))));
	const entryFiles = filesUnder(join(work, 'dist')).filter(ofEntry);
	expect(entryFiles.filter((f) => one!.has(f) === two!.has(f))).toEqual([]);
	// Both shards have work: the split is by id, not everything in one.
	expect(entryFiles.filter((f) => one!.has(f)).length).toBeGreaterThan(0);
	expect(entryFiles.filter((f) => two!.has(f)).length).toBeGreaterThan(0);
	const years = filesUnder(join(work, 'dist')).filter(ofYear);
	expect(years.length).toBeGreaterThan(0);
	for (const page of ['index.html', 'articles/index.html', 'speakers/index.html', ...years]) expect([one!.has(page), two!.has(page)]).toEqual([true, true]);
	// Neither shard made a search index: that is made once, over the merge.
	expect([...one!, ...two!].filter((f) => f.startsWith('pagefind/') || f.startsWith('search-index/'))).toEqual([]);
});

test('merged again with no shard rebuilt, nothing is copied or removed, both indexes are reused, and the site is the same', () => {
	const again = merge();
	expect(again.status, again.output).toBe(0);
	expect(again.output).toContain('复制 0 个，删除 0 个');
	expect(again.output).toMatch(/沿用上次构建，更新 0 个页面.*Pagefind \d+ 个页面（沿用上次构建）/);
	expect(differing(fixtureSite('second').dist, join(work, 'dist'))).toEqual([]);
});

test('the merge refuses a missing shard, shards of other content and shards that disagree, saying what to do, and writes nothing', () => {
	const attempt = (name: string, prepare: (dir: string) => void) => {
		const dir = join(work, name);
		for (const k of ['1', '2']) cpSync(join(work, 'shards', k), join(dir, k), { recursive: true });
		prepare(dir);
		const run = merge(dir, join(work, `${name}-dist`));
		expect(run.status).toBe(1);
		expect(existsSync(join(work, `${name}-dist`))).toBe(false);
		return run.output;
	};
	expect(attempt('missing', (dir) => rmSync(join(dir, '2'), { recursive: true }))).toContain('分片不全：共 2 片，缺第 2 片');
	expect(
		attempt('other-content', (dir) => {
			const manifest = join(dir, '2/huiji-shard/shard.json');
			writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), content: 'another' }));
		}),
	).toContain('不是同一网站、同一内容、同一分片数的分片');
	expect(
		attempt('disagreeing', (dir) => {
			writeFileSync(join(dir, '2/index.html'), readFileSync(join(dir, '2/index.html'), 'utf8').replace('</body>', '<p>x</p></body>'));
		}),
	).toMatch(/都生成了 index\.html，但内容不同.*请用同一次提交重新构建全部分片/);
});

test('after an edit, the shards built again and merged again equal a whole build of the edited content; what no shard has is removed', () => {
	replaceIn(content, 'content/articles/lakeside-forum-2022-news.md', 'title: 第四届湖畔论坛举行', 'title: 第四届湖畔论坛在湖畔大学举行');
	// The merged site as it stood, and when the shards' second builds began.
	const before = new Map(filesUnder(join(work, 'dist')).map((f) => [f, fileSignature(join(work, 'dist', f))]));
	const rebuilt = Date.now();
	const stray = join(work, 'dist/articles/gone/index.html');
	mkdirSync(join(stray, '..'), { recursive: true });
	writeFileSync(stray, '<p>gone</p>');

	for (const shard of buildShards()) expect(shard.status, shard.output).toBe(0);
	const again = merge();
	expect(again.status, again.output).toBe(0);
	const whole = buildSite(content, join(work, 'whole'), SITES.second.url);
	expect(whole.status, whole.output).toBe(0);

	expect(existsSync(stray)).toBe(false);
	expect(differing(join(work, 'whole/dist'), join(work, 'dist'))).toEqual([]);
	expect(readFileSync(join(work, 'dist/articles/lakeside-forum-2022-news/index.html'), 'utf8')).toContain('第四届湖畔论坛在湖畔大学举行');
	// What a shard did not write again (its incremental build kept the page) is not copied again.
	const kept = [1, 2].flatMap((k) => filesUnder(join(work, 'shards', String(k))).filter((f) => before.has(f) && statSync(join(work, 'shards', String(k), f)).mtimeMs < rebuilt));
	expect(kept.filter(ofEntry).length).toBeGreaterThan(0);
	expect(kept.filter((f) => fileSignature(join(work, 'dist', f)) !== before.get(f))).toEqual([]);
}, 300_000);
