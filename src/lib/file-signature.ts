import { statSync } from 'node:fs';

/**
 * Size, modification and change times and inode of a file: equal signatures mean the file was not
 * written since, so the caches of validation and of the search index need not read it. The change
 * time moves on every write, even one that restores the modification time and the size.
 */
export function fileSignature(path: string): string {
	const st = statSync(path);
	return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}
