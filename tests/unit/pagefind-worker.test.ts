import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runPagefind } from '../../src/search/write-indexes';

// Pagefind runs from a thread of its own (src/search/pagefind-worker.ts): what it writes, and its
// failures, must reach the index step as they did when it ran on the step's thread.
const dir = mkdtempSync(join(tmpdir(), 'huiji-pagefind-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const record = { url: '/a/', content: '第一届湖畔论坛', language: 'zh-cn', meta: { title: '湖畔论坛' } };

test('the index is written where asked', async () => {
	await runPagefind([record], join(dir, 'out'));
	expect(readdirSync(join(dir, 'out'))).toContain('pagefind-entry.json');
});

test('a record Pagefind refuses fails the step with Pagefind’s reason', async () => {
	await expect(runPagefind([{ url: '/b/', language: 'zh-cn' } as never], join(dir, 'refused'))).rejects.toThrow(/missing field `content`/);
});

test('Pagefind stopping without an answer fails the step, in Chinese, with the fix', async () => {
	const file = join(dir, 'a-file');
	writeFileSync(file, '');
	await expect(runPagefind([record], join(file, 'out'))).rejects.toThrow(/Pagefind 没有写完检索索引.*可写/);
});
