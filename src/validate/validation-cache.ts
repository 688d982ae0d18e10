import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { readCacheFile, writeFileAtomic } from '../lib/cache-file';
import { fileSignature } from '../lib/file-signature';
import type { ImageReference } from '../markdown/image-references';

/** What validating one clean file produced: all a later build needs from it unless it changes. */
export interface CleanFile {
	/** The names phase 1 learns from it (for "write the id, not the name"). */
	names: string[];
	/** The entry its schema produced, as validateContent() records it. */
	record: unknown;
	images: ImageReference[];
}

/**
 * Per-file results of validating the files that had no problem, for builds: a file whose size,
 * times and inode are unchanged is not read, parsed or checked against its schema again (~5 s of
 * YAML and zod for 12,000 files), while the rules across files still run over every entry.
 *
 * The cache holds the schemas' output, so it is keyed by the code that produces it: every source
 * file of the validator, the schemas, the registry and the libraries they use (`src/validate`,
 * `src/schemas`, `src/lib`, `src/collections`, `src/i18n`, `src/markdown`) and the lockfile. Any change there starts it afresh. Serialised with v8, which keeps
 * dates and undefined fields as they were.
 *
 * A base of every file, and a delta beside it of the files that differ from the base (the delta
 * names its base's id): a build that changed a few files writes only those. Writing the whole cache
 * of 122,000 files took 3.3 s of a rebuild after one edit. The base is rewritten when the delta
 * passes a twentieth of the files.
 */
export function openValidationCache(file: string, projectRoot: string) {
	const code = codeFingerprint(projectRoot);
	const deltaFile = `${file}.delta`;
	// Written by another Node version, or cut short: discarded, and this run starts afresh.
	const saved = readCacheFile(file, (bytes) => deserialize(bytes) as { code: string; id?: string; files: Map<string, Entry> });
	const base = saved?.code === code && saved.id ? { id: saved.id, files: saved.files } : undefined;
	const delta = base && (readCacheFile(deltaFile, (bytes) => deserialize(bytes)) as { base?: string; set?: Map<string, Entry>; deleted?: string[] } | undefined);
	const previous = new Map(base?.files);
	if (delta?.base === base?.id) {
		for (const [path, entry] of delta?.set ?? []) previous.set(path, entry);
		for (const path of delta?.deleted ?? []) previous.delete(path);
	}
	const next = new Map<string, Entry>();
	const pendingStat = new Map<string, string>();
	return {
		/** The cached result for `path` when the file is as it was; its stat is remembered for set(). */
		get(path: string): CleanFile | undefined {
			let stat: string;
			try {
				stat = fileSignature(path);
			} catch {
				return undefined; // a dangling link, say: read as any changed file, where it is refused by name
			}
			const known = previous.get(path);
			if (known?.stat === stat) {
				next.set(path, known);
				return known.clean;
			}
			pendingStat.set(path, stat);
			return undefined;
		},
		/** Records a file that validated without problems (its stat as get() saw it, before reading). */
		set(path: string, clean: CleanFile) {
			const stat = pendingStat.get(path);
			if (stat) next.set(path, { stat, clean });
		},
		save() {
			// Entries taken over from the base are its very objects: any other differs from it.
			const set = new Map([...next].filter(([path, entry]) => base?.files.get(path) !== entry));
			const deleted = base ? [...base.files.keys()].filter((path) => !next.has(path)) : [];
			if (base && set.size + deleted.length <= base.files.size / 20) {
				writeFileAtomic(deltaFile, serialize({ base: base.id, set, deleted }));
				return;
			}
			writeFileAtomic(file, serialize({ code, id: randomUUID(), files: next }));
			rmSync(deltaFile, { force: true });
		},
	};
}

type Entry = { stat: string; clean: CleanFile };

/** A hash of the code whose output the cache holds. */
function codeFingerprint(projectRoot: string): string {
	const hash = createHash('sha1');
	const add = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) add(path);
			else if (entry.name.endsWith('.ts')) hash.update(path.slice(projectRoot.length)).update(readFileSync(path));
		}
	};
	for (const dir of ['src/validate', 'src/schemas', 'src/lib', 'src/collections', 'src/i18n', 'src/markdown']) if (existsSync(join(projectRoot, dir))) add(join(projectRoot, dir));
	const lockfile = join(projectRoot, 'package-lock.json');
	if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
	return hash.digest('base64url');
}
