import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { listOutput, sweepListed, sweepOutput } from '../../src/lib/sweep-output';

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

/** An output folder holding `files` (paths under it); folders ending in `/` are made empty. */
function outputWith(files: string[]): string {
	const root = mkdtempSync(join(tmpdir(), 'huiji-sweep-'));
	folders.push(root);
	for (const file of files) {
		if (file.endsWith('/')) mkdirSync(join(root, file), { recursive: true });
		else {
			mkdirSync(dirname(join(root, file)), { recursive: true });
			writeFileSync(join(root, file), file);
		}
	}
	return root;
}

/** Every file and empty folder under root, sorted. */
function tree(root: string): string[] {
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() || readdirSync(join(e.parentPath, e.name)).length === 0)
		.map((e) => join(e.parentPath, e.name).slice(root.length + 1) + (e.isFile() ? '' : '/'))
		.sort();
}

test('a listing taken before the build: what it names and the sweep picks goes, with the folders that leaves empty; what was written since stays', () => {
	const root = outputWith(['index.html', 'articles/old/index.html', 'articles/kept/index.html', 'articles/refilled/index.html', 'topics/x/deep/a.json', 'empty/', 'pagefind/old.pf', 'gone-before/index.html']);
	const listing = listOutput(root, ['pagefind']);
	// Meanwhile, the build: a new page, a page written into a folder whose old file goes, and a listed file someone else removed.
	writeFileSync(join(root, 'articles/new.html'), 'new');
	writeFileSync(join(root, 'articles/refilled/other.html'), 'written since');
	rmSync(join(root, 'gone-before'), { recursive: true });
	const stale = new Set(['articles/old/index.html', 'articles/refilled/index.html', 'topics/x/deep/a.json', 'gone-before/index.html', 'pagefind/old.pf']);
	const removed = sweepListed(root, listing, (path) => stale.has(path));
	expect(removed.sort()).toEqual(['articles/old/index.html', 'articles/refilled/index.html', 'topics/x/deep/a.json']);
	// The spared folder is not listed, so not touched; the folder empty when listed goes too.
	expect(tree(root)).toEqual(['articles/kept/index.html', 'articles/new.html', 'articles/refilled/other.html', 'index.html', 'pagefind/old.pf']);
	expect(existsSync(join(root, 'topics'))).toBe(false);
});

test('a folder that was never built lists as empty, and sweeping it does nothing', () => {
	const root = join(outputWith([]), 'dist');
	expect(listOutput(root)).toEqual({ files: [], folders: [] });
	expect(sweepListed(root, listOutput(root), () => true)).toEqual([]);
});

test('listed and swept at once (a merge of shards): the same as listed before', () => {
	const root = outputWith(['a/b/c.html', 'a/d.html', 'e.html', 'search-index/x.json']);
	expect(sweepOutput(root, (path) => path !== 'e.html', ['search-index']).sort()).toEqual(['a/b/c.html', 'a/d.html']);
	expect(tree(root)).toEqual(['e.html', 'search-index/x.json']);
});
