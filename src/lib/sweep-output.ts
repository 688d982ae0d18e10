import { readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What is under an output folder at one moment, top-level folders in `spared` left out: every file,
 * and every folder with how many entries it had (paths under the root, `/`-separated, each folder
 * before what it holds).
 */
export interface OutputListing {
	files: string[];
	folders: [path: string, entries: number][];
}

/**
 * Lists `root`. A folder that is not there lists as nothing: a root nothing was built in yet, or a
 * folder gone since its parent was read (the listing runs on a thread while the build goes on).
 */
export function listOutput(root: string, spared: readonly string[] = []): OutputListing {
	const listing: OutputListing = { files: [], folders: [] };
	const skip = new Set(spared);
	const walk = (dir: string, under: string) => {
		let entries;
		try {
			entries = readdirSync(dir, { withFileTypes: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
			throw error;
		}
		if (under) listing.folders.push([under, entries.length]);
		for (const entry of entries) {
			const path = under ? `${under}/${entry.name}` : entry.name;
			if (!entry.isDirectory()) listing.files.push(path);
			else if (under || !skip.has(entry.name)) walk(join(dir, entry.name), path);
		}
	};
	walk(root, '');
	return listing;
}

/**
 * Removes the listed files that `remove` picks (given their path under root and their full path; a
 * listed file gone since is passed too, and left alone whatever it answers), then the listed folders
 * that this leaves empty, or that were empty when listed. A folder given an entry since it was listed
 * is kept: only the listing is trusted, never assumed complete, so a file written after it is never
 * removed. Returns the removed files' paths under root.
 */
export function sweepListed(root: string, listing: OutputListing, remove: (path: string, full: string) => boolean): string[] {
	const removed: string[] = [];
	const left = new Map(listing.folders);
	const emptied: string[] = listing.folders.filter(([, entries]) => entries === 0).map(([path]) => path);
	const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
	const taken = (path: string) => {
		const parent = parentOf(path);
		const count = left.get(parent);
		if (count === undefined) return; // the root, or a spared folder
		left.set(parent, count - 1);
		if (count === 1) emptied.push(parent);
	};
	for (const path of listing.files) {
		const full = join(root, path);
		if (!remove(path, full)) continue;
		try {
			unlinkSync(full);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
			throw error;
		}
		removed.push(path);
		taken(path);
	}
	// Deepest first, so that a folder emptied by removing its last folder is removed in turn.
	while (emptied.length) {
		const folder = emptied.pop()!;
		try {
			rmdirSync(join(root, folder));
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') continue;
			throw error;
		}
		taken(folder);
	}
	return removed;
}

/**
 * Removes the files under `root` that `remove` picks, leaving alone the top-level folders in
 * `spared`, then the folders left empty; returns the removed files' paths under root. Used after a
 * merge of shards (shard-output.ts: files no shard has). After a build, stale-output.ts lists the
 * folder on another thread while Astro renders and sweeps that listing at the end.
 */
export function sweepOutput(root: string, remove: (path: string, full: string) => boolean, spared: readonly string[] = []): string[] {
	return sweepListed(root, listOutput(root, spared), remove);
}
