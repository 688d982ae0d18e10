import { COLLECTIONS, collectionByKind, editorLabel, referencesAt, whereToAdd, type CollectionDef } from '../collections/registry';
import type { SiteRecords } from './records';

/** A reference from one entry to an id that does not exist (or is not published). */
export interface DanglingReference {
	/** File that holds the reference, relative to the project root. */
	file: string;
	/** Path of the reference inside the file's data, e.g. `['people', 0, 'speaker']`. */
	path: (string | number)[];
	/** The kind of entry it names (`speaker`), as the registry calls it. */
	kind: string;
	id: string;
	/** The id exists but names a draft, which has no page. */
	draft?: boolean;
}

type Entry = { id: string; filePath: string; draft?: boolean };

/**
 * Every reference between entries, as the registry declares them, must resolve: Astro's
 * `reference()` no longer fails on a missing id, so a typo would silently drop a link. Returns all
 * of them, not just the first. For entries from a YAML list, paths start with the entry's index.
 * `alsoKnown` adds ids of entries that exist but failed validation, so one broken file does not
 * make every reference to it dangling too.
 */
export function findDanglingReferences(records: SiteRecords, alsoKnown: Partial<Record<string, string[]>> = {}): DanglingReference[] {
	const entriesOf = (c: CollectionDef) => (records as unknown as Record<string, Entry[]>)[c.key] ?? [];
	const ids = new Map(COLLECTIONS.map((c) => [c.kind as string, new Set([...entriesOf(c).map((e) => e.id), ...(alsoKnown[c.kind] ?? [])])]));
	const drafts = new Map(COLLECTIONS.map((c) => [c.kind as string, new Set(entriesOf(c).filter((e) => e.draft).map((e) => e.id))]));
	const found: DanglingReference[] = [];
	for (const c of COLLECTIONS as readonly CollectionDef[]) {
		entriesOf(c).forEach((entry, index) => {
			const prefix = c.storage.type === 'list' ? [index] : [];
			for (const { path, to } of c.references) {
				for (const [at, id] of referencesAt(entry, path)) {
					const where = [...prefix, ...at];
					if (!ids.get(to)?.has(id)) found.push({ file: entry.filePath, path: where, kind: to, id });
					else if (drafts.get(to)?.has(id)) found.push({ file: entry.filePath, path: where, kind: to, id, draft: true });
				}
			}
		});
	}
	return found;
}

/** 找不到嘉宾“x”：请检查拼写，或在 content/speakers/x.yaml 中添加该嘉宾。 */
export function danglingMessage(ref: DanglingReference): string {
	const label = editorLabel(ref.kind);
	if (ref.draft) return `${label}“${ref.id}”是草稿（draft: true），没有页面：请先发布它，或删除这条引用。`;
	return `找不到${label}“${ref.id}”：请检查拼写，或在 ${whereToAdd(collectionByKind.get(ref.kind)!, ref.id)} 中添加该${label}。`;
}

/** `people[0].speaker` */
export function formatPath(path: (string | number)[]): string {
	return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
}
