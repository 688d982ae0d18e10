import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createExactSearch } from '../../src/search/exact-search';
import { buildArchive, type ArchiveBuild } from '../bench/scale/build-archive';
import { entryPages, generateArchive, type GeneratedArchive } from '../bench/scale/generate-archive';
import { indexFileLoader } from '../support/search-index';
import { SITES } from '../support/sites';

// Correctness at scale, not timing (that is `npm run bench`): a generated 500-article archive,
// built with the real configuration, publishes and indexes every entry.
const ARTICLES = 500;
const root = join(tmpdir(), `huiji-scale-guard-${process.pid}`);
let archive: GeneratedArchive;
let build: ArchiveBuild;

beforeAll(async () => {
	archive = generateArchive(root, join(SITES.proceedings.root, 'seeds'), ARTICLES);
	build = await buildArchive(process.cwd(), root, { cold: true });
}, 600_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const engine = () => createExactSearch(indexFileLoader(build.dist));

describe(`a generated archive of ${ARTICLES} articles`, () => {
	test('validates clean and builds', () => {
		expect(build.output).toMatch(/内容校验通过：\d+ 个文件，没有发现问题/);
		expect(archive.events.length).toBe(10);
		expect(archive.speakers.length).toBe(100);
	});

	test('every article, event and speaker has its page', () => {
		expect(entryPages(archive).filter((page) => !existsSync(join(build.dist, page)))).toEqual([]);
		const article = readFileSync(join(build.dist, 'articles', archive.articles[7]!.id, 'index.html'), 'utf8');
		expect(article).toContain(archive.articles[7]!.title.replace(/&/g, '&amp;'));
	});

	test('every article is found by a phrase only it contains, and nothing else is', async () => {
		const search = engine();
		const wrong: string[] = [];
		for (const a of archive.articles) {
			const { matches } = await search.search(a.phrase);
			const urls = await Promise.all(matches.map(async (m) => (await search.doc(m.page)).url));
			if (urls.join() !== `/articles/${a.id}/`) wrong.push(`${a.phrase} → ${urls.join(', ') || 'nothing'}`);
		}
		expect(wrong).toEqual([]);
	});

	test("every speaker's page is the first result for their name, and aliases find it too", async () => {
		const search = engine();
		const wrong: string[] = [];
		for (const s of archive.speakers) {
			for (const name of [s.name, ...s.aliases]) {
				const { matches } = await search.search(name);
				const first = matches[0] && (await search.doc(matches[0].page)).url;
				if (first !== `/speakers/${s.id}/`) wrong.push(`${name} → ${first ?? 'nothing'}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	test("Pagefind indexed every searchable page the exact index did", async () => {
		const manifest = JSON.parse(readFileSync(join(build.dist, 'search-index/manifest.json'), 'utf8'));
		expect(manifest.pages).toBeGreaterThanOrEqual(ARTICLES + 10 + 100);
		const indexed = Number(/Pagefind (\d+) 个页面/.exec(build.output)?.[1]);
		expect(indexed).toBeGreaterThanOrEqual(manifest.pages);
	});
});

describe('incremental rebuilds of the same archive keep the site whole and current', () => {
	const found = async (phrase: string) => {
		const search = engine();
		const { matches } = await search.search(phrase);
		return Promise.all(matches.map(async (m) => (await search.doc(m.page)).url));
	};

	test('an edited article: its new words are found on it alone, with the search index patched, not rebuilt', async () => {
		const edited = archive.articles[123]!;
		const added = '会后主办方公布了下一届的举办时间和地点';
		appendFileSync(join(root, 'content/articles', `${edited.id}.md`), `\n${added}。\n`);
		const rebuild = await buildArchive(process.cwd(), root, { cold: false });
		expect(rebuild.output).toMatch(/精确索引 \d+ 个页面（\d+ 个文件；沿用上次构建，更新 1 个页面/);
		// No share card shows an article's body: every one is reused, none drawn again.
		const cards = rebuild.output.split('\n').filter((line) => line.includes('/cards/'));
		expect(cards.length).toBe(1 + archive.events.length + archive.speakers.length);
		expect(cards.filter((line) => !line.includes('(cached)'))).toEqual([]);
		expect(rebuild.output).not.toMatch(/分享图：绘制/);
		expect(await found(added)).toEqual([`/articles/${edited.id}/`]);
		expect(await found(edited.phrase)).toEqual([`/articles/${edited.id}/`]);
	}, 300_000);

	test('a deleted article: its page, sitemap entry and search results are gone, and nothing else is', async () => {
		// One no speaker lists among their appearances, so the archive stays valid without it.
		const speakerFiles = readdirSync(join(root, 'content/speakers')).map((f) => readFileSync(join(root, 'content/speakers', f), 'utf8')).join('\n');
		const gone = [...archive.articles].reverse().find((a) => !speakerFiles.includes(a.id))!;
		rmSync(join(root, 'content/articles', `${gone.id}.md`));
		const rebuild = await buildArchive(process.cwd(), root, { cold: false });
		expect(rebuild.output).toContain(`articles/${gone.id}/index.html`);
		expect(existsSync(join(build.dist, 'articles', gone.id))).toBe(false);
		expect(readFileSync(join(build.dist, 'sitemap-0.xml'), 'utf8')).not.toContain(`/articles/${gone.id}/`);
		expect(await found(gone.phrase)).toEqual([]);
		const rest = entryPages(archive).filter((page) => !page.includes(`/${gone.id}/`));
		expect(rest.filter((page) => !existsSync(join(build.dist, page)))).toEqual([]);
	}, 300_000);
});
