import { readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes the files under `root` that `remove` picks (given their path under root, `/`-separated, and
 * their full path), leaving alone the top-level folders in `spared`, then the folders left empty.
 * Returns the removed files' paths under root. Used after a build (stale-output.ts: files this build
 * did not write) and after a merge of shards (shard-output.ts: files no shard has).
 */
export function sweepOutput(root: string, remove: (path: string, full: string) => boolean, spared: ReadonlySet<string> = new Set()): string[] {
	const removed: string[] = [];
	// Returns whether it left `dir` empty, so that a folder is not listed a second time to find out
	// (at 100,000 articles, 122,000 page folders: ~2 s).
	const walk = (dir: string, under: string): boolean => {
		let left = 0;
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			const path = under ? `${under}/${entry.name}` : entry.name;
			if (entry.isDirectory()) {
				if (!under && spared.has(entry.name)) left++;
				else if (walk(full, path)) rmdirSync(full);
				else left++;
			} else if (remove(path, full)) {
				unlinkSync(full);
				removed.push(path);
			} else left++;
		}
		return left === 0;
	};
	walk(root, '');
	return removed;
}
