import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, editorLabel, type CollectionDef } from '../collections/registry';
import type { SiteRecords } from '../lib/records';
import { siteSchema, slug, type SiteSettings } from '../schemas';
import { crossCheck } from './cross-check';
import { withPendingEntries } from '../lib/references';
import { sortProblems, type Problem } from './problem';
import { checkSchema } from './schema-check';
import { siteImages } from '../markdown/image-references';
import { readSource, type SourceFile } from './source';
import { openValidationCache } from './validation-cache';

export interface ValidationResult {
	problems: Problem[];
	/** Number of content files read. */
	files: number;
	/** Entries that passed their schema: what the site would publish (drafts included, flagged). */
	records: SiteRecords;
}

/** A Markdown body validation read: its entry's id, its file, where the body starts, and whether the entry is a draft (not published). */
export interface FreshBody {
	id: string;
	file: string;
	bodyStart: number;
	draft: boolean;
}

/** The site's settings file, beside the collections. */
export const SETTINGS_FILE = 'content/site.yaml';

// One schema for every id: making it per call was 2.4 s of a 122,000-file validation.
const SLUG = slug();
const isSlug = (id: string) => SLUG.safeParse(id).success;

/**
 * Checks all of `content/`: every collection of the registry and `site.yaml`, every rule, every
 * problem in one run (Astro's own loader stops at the first invalid file). This is the one reading
 * of the content a build makes: the collections Astro loads are these records (src/content/loader.ts).
 * With a `cache` (builds), files that were clean last time and are untouched since are taken from it
 * instead of being read again. `onFreshBody` is told of each Markdown body with text that is read
 * (not taken from the cache), as it is read: a build renders those ahead.
 */
export function validateContent(
	root = process.cwd(),
	{ cache, onFreshBody }: { cache?: { file: string; projectRoot: string }; onFreshBody?: (body: FreshBody) => void } = {},
): ValidationResult {
	const cleanFiles = cache && openValidationCache(cache.file, cache.projectRoot);
	const problems: Problem[] = [];
	const sources = new Map<string, SourceFile>();
	const invalidIds: Partial<Record<string, string[]>> = {};
	// Kinds whose whole list file failed: their ids are unknown, so references to them are not judged.
	const unchecked = new Set<string>();
	const records: Record<string, unknown[]> = Object.fromEntries(COLLECTIONS.map((c) => [c.key, []]));
	const read = (file: string) => {
		const source = readSource(root, file);
		sources.set(file, source);
		problems.push(...source.problems);
		return source;
	};
	const idsByName = new Map<string, string>();
	// One schema per collection: building a zod schema costs about as much as checking an entry with it.
	const schemas = new Map(COLLECTIONS.map((c) => [c.key as string, c.schema()]));
	const keep = (c: CollectionDef, source: SourceFile, data: unknown, id: string, prefix: (string | number)[] = []) => {
		const result = checkSchema(source, schemas.get(c.key)!, data, prefix, idsByName);
		problems.push(...result.problems);
		if (!result.data) {
			(invalidIds[c.kind] ??= []).push(id);
			return undefined;
		}
		const record = { ...(result.data as object), id, filePath: source.file, ...(c.body ? { digest: source.digest, bodyStart: source.bodyStart, images: siteImages(source.images) } : {}) };
		records[c.key]!.push(record);
		return result.problems.length === 0 ? record : undefined;
	};

	// Phase 1: read every file, and learn every entry's names, for "write the id, not the name".
	const pending: (() => void)[] = [];
	const namesOf = (c: CollectionDef, data: unknown) =>
		c.names((data && typeof data === 'object' ? data : {}) as Record<string, unknown>).filter((n): n is string => typeof n === 'string');
	const learnNames = (id: string, names: string[]) => {
		idsByName.set(id, id);
		for (const name of names) if (!idsByName.has(name)) idsByName.set(name, id);
	};

	const settings = readSettings(root, read, problems);

	for (const c of COLLECTIONS as readonly CollectionDef[]) {
		if (c.storage.type !== 'list') continue;
		const file = `content/${c.storage.file}`;
		if (!existsSync(join(root, file))) {
			problems.push({ file, severity: 'error', code: 'missing-file', message: `缺少 ${file}：请创建它（可以是空列表 []）。` });
			continue;
		}
		const source = read(file);
		if (source.data === undefined) {
			unchecked.add(c.kind);
			continue;
		}
		if (!Array.isArray(source.data)) {
			unchecked.add(c.kind);
			problems.push({ file, line: 1, column: 1, severity: 'error', code: 'not-a-list', message: '这个文件应是一个列表：每一项以“- id: …”开头。' });
			continue;
		}
		const seen = new Map<string, number>();
		source.data.forEach((item: unknown, i: number) => {
			const id = (item as { id?: unknown })?.id;
			if (typeof id === 'string' && seen.has(id)) {
				problems.push({ file, ...source.locate([i, 'id']), severity: 'error', code: 'duplicate-id', field: `[${i}].id`, message: `id“${id}”已在第 ${seen.get(id)! + 1} 项用过：每个 id 只能出现一次。` });
			}
			if (typeof id === 'string') seen.set(id, i);
			learnNames(String(id), namesOf(c, item));
			pending.push(() => keep(c, source, item, String(id), [i]));
		});
	}

	for (const c of COLLECTIONS as readonly CollectionDef[]) {
		if (c.storage.type !== 'folder') continue;
		const { folder, ext } = c.storage;
		const dir = join(root, 'content', folder);
		const names = existsSync(dir) ? readdirSync(dir).sort() : [];
		for (const name of names) {
			const file = `content/${folder}/${name}`;
			if (!name.endsWith(ext)) {
				if (!name.startsWith('.')) {
					problems.push({ file, line: 1, column: 1, severity: 'error', code: 'ignored-file', message: `这个文件不会被发布：${editorLabel(c.kind)}文件必须以 ${ext} 结尾。请改名，或移出 content/${folder}/。` });
				}
				continue;
			}
			const id = name.slice(0, -ext.length);
			if (!isSlug(id)) {
				problems.push({ file, line: 1, column: 1, severity: 'error', code: 'invalid-id', message: `文件名“${id}”不能用作 id：只能使用小写字母、数字和单个连字符（如 e-weinan），请重命名文件。` });
			}
			const path = join(root, file);
			const clean = isSlug(id) ? cleanFiles?.get(path) : undefined;
			if (clean) {
				// Its data is already the record; the file is read again only to locate a cross-file problem.
				sources.set(file, { file, data: undefined, images: clean.images, problems: [], digest: '', locate: (p, key) => readSource(root, file).locate(p, key) });
				learnNames(id, clean.names);
				pending.push(() => records[c.key]!.push(clean.record));
				continue;
			}
			const source = read(file);
			if (source.data === undefined) {
				(invalidIds[c.kind] ??= []).push(id);
				continue;
			}
			if (c.body && source.bodyStart !== undefined && !source.body?.empty) {
				onFreshBody?.({ id, file, bodyStart: source.bodyStart, draft: (source.data as { draft?: unknown })?.draft === true });
			}
			// A draft is not published: it may wait for its text (`npm run new article` writes one so).
			if (c.bodyRequired && source.body?.empty && (source.data as { draft?: unknown })?.draft !== true) {
				source.problems.push({ file, line: source.body.line, column: 1, severity: 'error', code: 'empty-body', message: `${editorLabel(c.kind)}只有字段区，没有正文，发布出来会是空页：请在第二个 --- 之后写上正文。` });
				problems.push(source.problems.at(-1)!);
			}
			const entryNames = namesOf(c, source.data);
			learnNames(id, entryNames);
			const data = withoutOwnId(source, id, problems);
			pending.push(() => {
				const record = keep(c, source, data, id);
				if (record && source.problems.length === 0 && isSlug(id)) cleanFiles?.set(path, { names: entryNames, record, images: source.images });
			});
		}
	}

	// Phase 2: schemas, then the rules across files.
	for (const check of pending) check();

	cleanFiles?.save();
	const valid = withPendingEntries({ ...records, settings } as unknown as SiteRecords);
	problems.push(...crossCheck(root, valid, sources, invalidIds, unchecked));
	return { problems: sortProblems(problems), files: sources.size, records: valid };
}

/** content/site.yaml, checked like any entry; its defaults stand in when it is missing or broken, so the other files are still checked. */
function readSettings(root: string, read: (file: string) => SourceFile, problems: Problem[]): SiteSettings {
	// Only when the file is missing or broken: then the defaults stand in, and the build fails anyway.
	const fallback = () => siteSchema().parse({ title: '未命名网站', tagline: '请填写 content/site.yaml', description: '请填写 content/site.yaml' });
	if (!existsSync(join(root, SETTINGS_FILE))) {
		problems.push({
			file: SETTINGS_FILE,
			severity: 'error',
			code: 'missing-file',
			message: `缺少 ${SETTINGS_FILE}：请创建它，至少写上 title（网站名称）、tagline（副标题）和 description（简介），字段见 CONTRIBUTING.md。`,
		});
		return fallback();
	}
	const source = read(SETTINGS_FILE);
	if (source.data === undefined) return fallback();
	const result = checkSchema(source, siteSchema(), source.data);
	problems.push(...result.problems);
	return (result.data as SiteSettings | undefined) ?? fallback();
}

/**
 * A file may repeat its id (the web editor writes `id:`, which names the file it creates): the same
 * id is dropped before the schema, a different one is an error, since the file name is the id.
 */
function withoutOwnId(source: SourceFile, id: string, problems: Problem[]): unknown {
	const data = source.data;
	if (!data || typeof data !== 'object' || Array.isArray(data) || !('id' in data)) return data;
	const { id: written, ...rest } = data as Record<string, unknown>;
	if (written !== id) {
		source.problems.push({
			file: source.file,
			...source.locate(['id']),
			severity: 'error',
			code: 'id-mismatch',
			field: 'id',
			message: `id“${String(written)}”与文件名“${id}”不一致：文件名就是 id。请把这一行改为 id: ${id}，或删掉它；要换 id，就给文件改名。`,
		});
		problems.push(source.problems.at(-1)!);
	}
	return rest;
}
