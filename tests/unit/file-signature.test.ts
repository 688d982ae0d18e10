import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fileTree, signatureOf, treeSignature, updatedTree } from '../../src/lib/file-signature';

const dir = mkdtempSync(join(tmpdir(), 'huiji-tree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a tree brought up to date for the files written signs as a walk of the folder does; a file changed but not named does not', () => {
	mkdirSync(join(dir, 'shards'), { recursive: true });
	for (const name of ['a.bin', 'b.bin', 'shards/1.bin', 'shards/2.bin', 'shards/10.bin']) writeFileSync(join(dir, name), name);
	const tree = fileTree(dir);
	expect(signatureOf(tree)).toBe(treeSignature(dir));

	// A patch: one file replaced (a new inode, as the index writer renames into place), one added, one removed.
	rmSync(join(dir, 'shards/2.bin'));
	writeFileSync(join(dir, 'shards/2.bin'), 'patched, longer than before');
	writeFileSync(join(dir, 'shards/3.bin'), 'new');
	rmSync(join(dir, 'b.bin'));
	const before = treeSignature(dir);
	expect(signatureOf(updatedTree(dir, tree, ['shards/2.bin', 'shards/3.bin', 'b.bin']))).toBe(before);

	// A file cut short that the update does not name is not signed again: the next walk tells.
	truncateSync(join(dir, 'a.bin'), 1);
	expect(signatureOf(updatedTree(dir, tree, ['shards/2.bin', 'shards/3.bin', 'b.bin']))).toBe(before);
	expect(treeSignature(dir)).not.toBe(before);
});
