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
export function treeSignature(dir: string): string {
	if (!existsSync(dir)) return '';
	const hash = createHash('sha1');
	// Not the change time: the kept files are hard-linked into dist/, and linking or deleting a link
	// (rm -rf dist) moves it. A write moves the modification time; cutting short, the size too.
	for (const file of filesUnder(dir)) {
		const st = statSync(join(dir, file));
		hash.update(`${sep}${file}\0${st.size}:${st.mtimeMs}:${st.ino}\n`);
	}
	return hash.digest('base64url');
}
