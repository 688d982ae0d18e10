import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readPageJob, type PageJob } from '../../src/search/read-page';
import { readPagesInParallel } from '../../src/search/read-pages-in-parallel';

const dir = mkdtempSync(join(tmpdir(), 'huiji-read-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 700 pages (more than are read on one thread alone), each with its own text; every seventh has no searchable part.
const jobs: PageJob[] = Array.from({ length: 700 }, (_, i) => {
	const file = join(dir, `p${i}`, 'index.html');
	mkdirSync(join(dir, `p${i}`));
	const body = i % 7 ? `<main data-pagefind-body><h1>第 ${i} 篇</h1><p>正文 ${i}<span data-pagefind-ignore>订阅</span></p></main>` : '<main>无</main>';
	writeFileSync(file, `<!doctype html><html lang="zh-CN"><body>${body}</body></html>`);
	return { file, facts: { url: `/p${i}/`, title: `第 ${i} 篇`, kind: '文章', ownNames: false, names: [], filters: {} } };
});

test('pages read on several threads are those read on one, in their order', async () => {
	const one = jobs.map(readPageJob);
	expect(one[1]!.page!.body).toContain('正文 1');
	expect(one[1]!.page!.body).not.toContain('订阅');
	expect(one[0]!.page).toBeNull();
	for (const threads of [1, 3]) expect(await readPagesInParallel(jobs, threads)).toEqual(one);
});

test('a page whose bytes hash as last read is not parsed again', async () => {
	const hashes = jobs.map(readPageJob).map((r) => r.hash);
	const reads = await readPagesInParallel(jobs.map((job, i) => (i % 2 ? { ...job, knownHash: hashes[i] } : job)), 1);
	reads.forEach((read, i) => expect([read.hash, 'page' in read]).toEqual([hashes[i], i % 2 === 0]));
});

test('a page that cannot be read fails the step, whichever thread had it', async () => {
	const gone = jobs.map((job, i) => (i === 650 || i === 5 ? { ...job, file: join(dir, 'missing', 'index.html') } : job));
	await expect(readPagesInParallel(gone, 1)).rejects.toThrow(/ENOENT/);
	await expect(readPagesInParallel(gone.slice(0, 600).map((job, i) => (i === 5 ? jobs[5]! : job)), 1)).resolves.toHaveLength(600);
});
