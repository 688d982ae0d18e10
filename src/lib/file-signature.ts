import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Size, modification and change times and inode of a file: equal signatures mean the file was not
 * written since, so the caches of validation and of the search index need not read it. The change
 * time moves on every write, even one that restores the modification time and the size.
 */
export function fileSignature(path: string): string {
	return format(statSync(path));
}

/** fileSignature() of a file that may not exist (null then), in one system call. */
export function fileSignatureIfAny(path: string): string | null {
	const st = statSync(path, { throwIfNoEntry: false });
	return st ? format(st) : null;
}

const format = (st: Stats) => `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;

/** Paths of the files under `dir` (none when it does not exist), relative to it, sorted. */
export function filesUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)))
		.sort();
}

/**
 * One signature for every file under `dir` (their paths, sizes, modification times and inodes):
 * equal means no file there was added, removed or written since. A cache folder reused on the word
 * of a state file alone would be trusted even with a file cut short or edited through a hard link in
 * dist/.
 */
export const treeSignature = (dir: string): string => signatureOf(fileTree(dir));

/** Each file under `dir` (none when it does not exist) with what treeSignature() takes of it. */
export function fileTree(dir: string): Map<string, string> {
	return new Map(filesUnder(dir).map((file) => [file, treeLine(dir, file)]));
}

/**
 * `tree` brought up to date for `written` files (stat'ed again; gone ones dropped): a folder whose
 * other files were checked by fileTree() needs no second walk (at 100,000 articles the exact index is
 * 65,000 files, ~1 s a walk).
 */
export function updatedTree(dir: string, tree: Map<string, string>, written: readonly string[]): Map<string, string> {
	const next = new Map(tree);
	for (const file of written) {
		if (existsSync(join(dir, file))) next.set(file, treeLine(dir, file));
		else next.delete(file);
	}
	return next;
}

/** treeSignature() of a tree fileTree() or updatedTree() gave. */
export function signatureOf(tree: Map<string, string>): string {
	if (tree.size === 0) return '';
	const hash = createHash('sha1');
	// In filesUnder()'s order, so that a walked and an updated tree of the same files sign alike.
	for (const file of [...tree.keys()].sort()) hash.update(`${sep}${file}\0${tree.get(file)}\n`);
	return hash.digest('base64url');
}

// Not the change time: the kept files are hard-linked into dist/, and linking or deleting a link
// (rm -rf dist) moves it. A write moves the modification time; cutting short, the size too.
function treeLine(dir: string, file: string): string {
	const st = statSync(join(dir, file));
	return `${st.size}:${st.mtimeMs}:${st.ino}`;
}
