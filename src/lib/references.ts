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
	/** It is a draft because every one of its sources is (a person whose articles are all drafts). */
	waitsForSources?: boolean;
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
			for (const { path, to, draftAllowed } of c.references) {
				for (const [at, id] of referencesAt(entry, path)) {
					const where = [...prefix, ...at];
					if (!ids.get(to)?.has(id)) found.push({ file: entry.filePath, path: where, kind: to, id });
					// A draft may name drafts: neither is published.
					else if (!entry.draft && !draftAllowed && drafts.get(to)?.has(id)) {
						const target = collectionByKind.get(to)!;
						found.push({ file: entry.filePath, path: where, kind: to, id, draft: true, ...(target.sources ? { waitsForSources: true } : {}) });
					}
				}
			}
		});
	}
	return found;
}

/**
 * Entries of a collection with `sources` whose every source is a draft are drafts too, until one is
 * published: a speaker written while their article is still a draft gets no page yet. Returns new
 * records (the validation cache holds the old ones), everything else untouched.
 */
export function withPendingEntries(records: SiteRecords): SiteRecords {
	const out = { ...records } as unknown as Record<string, Entry[]>;
	for (const c of COLLECTIONS as readonly CollectionDef[]) {
		if (!c.sources) continue;
		const to = c.references.find((r) => r.path === c.sources)!.to;
		const drafts = new Set((out[collectionByKind.get(to)!.key] ?? []).filter((e) => e.draft).map((e) => e.id));
		out[c.key] = (out[c.key] ?? []).map((entry) => {
			const sources = referencesAt(entry, c.sources!).map(([, id]) => id);
			return sources.length > 0 && sources.every((id) => drafts.has(id)) ? { ...entry, draft: true } : entry;
		});
	}
	return out as unknown as SiteRecords;
}

/** 找不到嘉宾“x”：请检查拼写，或在 content/speakers/x.yaml 中添加该嘉宾。 */
export function danglingMessage(ref: DanglingReference): string {
	const label = editorLabel(ref.kind);
	if (ref.waitsForSources) return `${label}“${ref.id}”的出处文章都还是草稿，页面要等其中一篇发布后才生成：请先发布出处文章（删掉其 draft: true），或删除这条引用。`;
	if (ref.draft) return `${label}“${ref.id}”是草稿（draft: true），没有页面：请先发布它，或删除这条引用。`;
	return `找不到${label}“${ref.id}”：请检查拼写，或在 ${whereToAdd(collectionByKind.get(ref.kind)!, ref.id)} 中添加该${label}。`;
}

/** `people[0].speaker` */
export function formatPath(path: (string | number)[]): string {
	return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
}
