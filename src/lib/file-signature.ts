import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Size, modification and change times and inode of a file: equal signatures mean the file was not
 * written since, so the caches of validation and of the search index need not read it. The change
 * time moves on every write, even one that restores the modification time and the size.
 */
export function fileSignature(path: string): string {
	const st = statSync(path);
	return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}

/**
 * One signature for every file under `dir` (their paths and fileSignature()s): equal means no file
 * there was added, removed or written since. A cache folder reused on the word of a state file
 * alone would be trusted even with a file cut short or edited through a hard link in dist/.
 */
export function treeSignature(dir: string): string {
	if (!existsSync(dir)) return '';
	const hash = createHash('sha1');
	const files = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
	// Not the change time: the kept files are hard-linked into dist/, and linking or deleting a link
	// (rm -rf dist) moves it. A write moves the modification time; cutting short, the size too.
	for (const path of files) {
		const st = statSync(path);
		hash.update(`${path.slice(dir.length)}\0${st.size}:${st.mtimeMs}:${st.ino}\n`);
	}
	return hash.digest('base64url');
}
