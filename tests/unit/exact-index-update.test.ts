import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ChunkedSequence, exactIndexFiles, type SearchPage } from '../../src/search/exact-index';
import { exactIndexState, updateExactIndex } from '../../src/search/exact-index-update';
import { writeExactIndex } from '../../src/search/write-indexes';
import { indexFolderFiles } from '../support/search-index';
import { seedText } from '../support/seed-text';

// Real text: the seeds' paragraphs, dealt out into twelve pages of three kinds.
const paragraphs = ['000_5666fa2ae40db493.txt', '001_1101a6fbd11d82ea.txt', '002_79522ff16b7360a5.txt']
	.flatMap((f) => seedText(f).split('\n'))
	.filter((p) => p.trim().length > 20);
const PAGES: SearchPage[] = Array.from({ length: 12 }, (_, i) => ({
	url: `/articles/a${i}/`,
	title: paragraphs[i]!.slice(0, 16),
	kind: i % 4 === 0 ? '嘉宾' : '文章',
	ownNames: i % 4 === 0,
	date: i % 5 === 4 ? undefined : `2023-0${1 + (i % 9)}-1${i % 10}`,
	event: i % 2 ? '2023全球科学智能峰会' : undefined,
	names: i % 4 === 0 ? ['鄂维南', 'E Weinan'] : [],
	body: paragraphs.filter((_, k) => k % 12 === i).join('\n'),
	filters: { kind: [i % 4 === 0 ? '嘉宾' : '文章'], topic: i % 3 ? ['科学智能'] : [] },
}));

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

/** An index built whole, as files on disk, with its state. */
async function builtWhole(pages: SearchPage[]) {
	const folder = mkdtempSync(join(tmpdir(), 'huiji-exact-'));
	folders.push(folder);
	return { folder, state: exactIndexState(pages, await writeExactIndex(pages, folder)) };
}

/** Patches an index of `before` to `after`; returns what it wrote and the files a whole build of `after` has. */
async function patch(before: SearchPage[], after: SearchPage[]) {
	const { folder, state } = await builtWhole(before);
	const result = await updateExactIndex(folder, state, after, (url) => before.find((p) => p.url === url));
	return { result, patched: indexFolderFiles(folder), whole: indexFolderFiles((await builtWhole(after)).folder), folder };
}

const edit = (i: number, change: Partial<SearchPage>) => PAGES.map((p, k) => (k === i ? { ...p, ...change } : p));

describe('a patched index is the index a whole build makes', () => {
	test.each([
		['a sentence added at the end', edit(3, { body: PAGES[3]!.body + '\n补记：会后，主办方公布了下一届的举办时间。' })],
		['a word changed mid-text (every later offset moves)', edit(5, { body: PAGES[5]!.body.replace(/。/, '，科学智能。') })],
		['a title changed', edit(0, { title: '全新的标题：鄂维南谈科学智能' })],
		['text removed', edit(7, { body: PAGES[7]!.body.slice(0, 40) })],
		['a speaker’s names changed', edit(4, { names: ['鄂维南', 'Weinan E', '鄂院士'] })],
		['a topic filed', edit(2, { filters: { kind: ['文章'], topic: ['药物研发'] } })],
		['two pages edited', edit(1, { body: '全新的正文。' }).map((p, k) => (k === 9 ? { ...p, body: p.body + '量子纠缠' } : p))],
		['nothing changed', PAGES],
	])('%s', async (_, after) => {
		const { result, patched, whole } = await patch(PAGES, after);
		expect(result).toHaveProperty('state');
		expect(patched).toEqual(whole);
	});

	test('only the files the edit touches are written', async () => {
		const { result } = await patch(PAGES, edit(3, { body: PAGES[3]!.body + '\n补记' }));
		// At most three new bigrams (last character + break, break + 补, 补记), so at most three
		// shards, plus the page's docs file and filters.json — of the index's many files.
		expect(result).toMatchObject({ changedPages: 1, rebundled: false });
		expect((result as { written: string[] }).written.length).toBeLessThanOrEqual(5);
	});

	test('random edits of random pages (fast-check)', async () => {
		const change = fc.record({ page: fc.nat(PAGES.length - 1), at: fc.nat(), cut: fc.nat(30), text: fc.constantFrom('', '科学智能', '鄂维南院士', 'AI for Science', '。\n', '数据') });
		await fc.assert(
			fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
				const after = PAGES.map((p) => ({ ...p }));
				for (const { page, at, cut, text } of changes) {
					const body = after[page]!.body;
					const i = at % (body.length + 1);
					after[page]!.body = body.slice(0, i) + text + body.slice(i + cut);
				}
				const { result, patched, whole } = await patch(PAGES, after);
				if ('reason' in result) return; // e.g. the shard count moved: built whole instead, by design
				expect(patched).toEqual(whole);
			}),
			{ numRuns: 40 },
		);
	});
});

describe('when it cannot patch, it says why and leaves the index to be built whole', () => {
	test('a page added', async () => {
		const added = [...PAGES, { ...PAGES[0]!, url: '/articles/new/' }];
		expect((await patch(PAGES, added)).result).toEqual({ reason: '页面有增删或日期变动' });
	});
	test('a page re-dated (page numbers follow dates)', async () => {
		expect((await patch(PAGES, edit(1, { date: '1999-01-01' }))).result).toEqual({ reason: '页面有增删或日期变动' });
	});
	test('the last build’s reading of a changed page is unknown', async () => {
		const { folder, state } = await builtWhole(PAGES);
		expect(await updateExactIndex(folder, state, edit(3, { body: '改' }), () => undefined)).toEqual({ reason: '缺少上次构建的页面内容' });
	});
	test('a shard the edit touches cannot be read: none is written, and it says why', async () => {
		const after = edit(5, { body: PAGES[5]!.body.replace(/。/g, '，科学智能。') });
		// The shards this edit patches, in the order they are read (a patch of another copy tells).
		const touched = ((await patch(PAGES, after)).result as { written: string[] }).written.filter((path) => path.startsWith('shards/'));
		expect(touched.length).toBeGreaterThan(1);
		const { folder, state } = await builtWhole(PAGES);
		const bytes = () => Object.fromEntries(readdirSync(join(folder, 'shards')).map((name) => [name, readFileSync(join(folder, 'shards', name))]));
		// The last one read is the one cut short: the others were read and patched, and must not be written.
		writeFileSync(join(folder, touched.at(-1)!), 'not gzip');
		const before = bytes();
		expect(await updateExactIndex(folder, state, after, (url) => PAGES.find((p) => p.url === url))).toEqual({ reason: '上次的索引文件无法读取' });
		expect(bytes()).toEqual(before);
	});
});

test.each([
	['each shard alone', 1],
	['a few shards together', 12_000],
])('shards made a group at a time (%s, as on a large site, to bound memory) are the shards made all at once', (_, groupOccurrences) => {
	const pages = PAGES.map((p) => ({ ...p, body: p.body.repeat(8) }));
	const all = new Map(exactIndexFiles(pages));
	const inGroups = [...exactIndexFiles(pages, { groupOccurrences })];
	expect(inGroups.map(([path]) => path)).toEqual([...all.keys()]);
	for (const [path, content] of inGroups) expect(content, path).toEqual(all.get(path));
	expect([...all.keys()].filter((path) => path.startsWith('shards/')).length).toBeGreaterThanOrEqual(8);
});

test('the bigram sequence reads back what was appended, across its chunks', () => {
	fc.assert(
		fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 100 }), fc.integer({ min: 1, max: 9 }), (values, chunkSize) => {
			const sequence = new ChunkedSequence(chunkSize);
			for (const v of values) sequence.push(v);
			const reader = sequence.values();
			expect(values.map(() => reader.next())).toEqual(values);
		}),
	);
});
