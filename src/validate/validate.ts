import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { SiteRecords } from '../lib/records';
import type { ReferenceKind } from '../lib/references';
import { articleSchema, eventSchema, organizationSchema, seriesSchema, slug, speakerSchema, topicSchema } from '../schemas';
import { crossCheck } from './cross-check';
import { sortProblems, type Problem } from './problem';
import { checkSchema } from './schema-check';
import { readSource, type SourceFile } from './source';
import { openValidationCache } from './validation-cache';

export interface ValidationResult {
	problems: Problem[];
	/** Number of content files read. */
	files: number;
	/** Entries that passed their schema: what the site would publish (drafts included, flagged). */
	records: SiteRecords;
}

/** Collections kept one file per entry, and the one extension Astro's loader picks up. */
const FOLDERS = [
	{ name: 'events', ext: '.md', kind: 'event', schema: eventSchema(), label: '活动' },
	{ name: 'speakers', ext: '.yaml', kind: 'speaker', schema: speakerSchema(), label: '嘉宾' },
	{ name: 'articles', ext: '.md', kind: 'article', schema: articleSchema(), label: '文章' },
] as const;
/** Collections kept as one YAML list. */
const LISTS = [
	{ name: 'series', kind: 'series', schema: seriesSchema() },
	{ name: 'organizations', kind: 'organization', schema: organizationSchema() },
	{ name: 'topics', kind: 'topic', schema: topicSchema() },
] as const;

const isSlug = (id: string) => slug().safeParse(id).success;

/**
 * Checks all of `content/`: every file, every rule, every problem in one run
 * (Astro's own loader stops at the first invalid file). With a `cache` (builds), files that were
 * clean last time and are untouched since are taken from it instead of being read again.
 */
export function validateContent(root = process.cwd(), { cache }: { cache?: { file: string; projectRoot: string } } = {}): ValidationResult {
	const cleanFiles = cache && openValidationCache(cache.file, cache.projectRoot);
	const problems: Problem[] = [];
	const sources = new Map<string, SourceFile>();
	const invalidIds: Partial<Record<ReferenceKind, string[]>> = {};
	// Kinds whose whole list file failed: their ids are unknown, so references to them are not judged.
	const unchecked = new Set<ReferenceKind>();
	const records = { series: [], organizations: [], topics: [], events: [], speakers: [], articles: [] } as unknown as Record<string, unknown[]>;
	const read = (file: string) => {
		const source = readSource(root, file);
		sources.set(file, source);
		problems.push(...source.problems);
		return source;
	};
	const idsByName = new Map<string, string>();
	const keep = <S extends z.ZodType>(kind: ReferenceKind, collection: string, source: SourceFile, schema: S, data: unknown, id: string, prefix: (string | number)[] = []) => {
		const result = checkSchema(source, schema, data, prefix, idsByName);
		problems.push(...result.problems);
		if (!result.data) {
			(invalidIds[kind] ??= []).push(id);
			return undefined;
		}
		const record = { ...(result.data as object), id, filePath: source.file };
		records[collection]!.push(record);
		return result.problems.length === 0 ? record : undefined;
	};

	// Phase 1: read every file, and learn every entry's names, for "write the id, not the name".
	const pending: (() => void)[] = [];
	const namesOf = (data: unknown) => {
		const d = (data ?? {}) as Record<string, unknown>;
		return [d.name, d.shortName, d.title, d.originalName, ...(Array.isArray(d.aliases) ? d.aliases : [])].filter((n): n is string => typeof n === 'string');
	};
	const learnNames = (id: string, names: string[]) => {
		idsByName.set(id, id);
		for (const name of names) if (!idsByName.has(name)) idsByName.set(name, id);
	};

	for (const list of LISTS) {
		const file = `content/${list.name}.yaml`;
		if (!existsSync(join(root, file))) {
			problems.push({ file, severity: 'error', code: 'missing-file', message: `缺少 ${file}：请创建它（可以是空列表 []）。` });
			continue;
		}
		const source = read(file);
		if (source.data === undefined) {
			unchecked.add(list.kind);
			continue;
		}
		if (!Array.isArray(source.data)) {
			unchecked.add(list.kind);
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
			learnNames(String(id), namesOf(item));
			pending.push(() => keep(list.kind, list.name, source, list.schema, item, String(id), [i]));
		});
	}

	for (const folder of FOLDERS) {
		const dir = join(root, 'content', folder.name);
		const names = existsSync(dir) ? readdirSync(dir).sort() : [];
		for (const name of names) {
			const file = `content/${folder.name}/${name}`;
			if (!name.endsWith(folder.ext)) {
				if (!name.startsWith('.')) {
					problems.push({ file, line: 1, column: 1, severity: 'error', code: 'ignored-file', message: `这个文件不会被发布：${folder.label}文件必须以 ${folder.ext} 结尾。请改名，或移出 content/${folder.name}/。` });
				}
				continue;
			}
			const id = name.slice(0, -folder.ext.length);
			if (!isSlug(id)) {
				problems.push({ file, line: 1, column: 1, severity: 'error', code: 'invalid-id', message: `文件名“${id}”不能用作 id：只能使用小写字母、数字和单个连字符（如 e-weinan），请重命名文件。` });
			}
			const path = join(root, file);
			const clean = isSlug(id) ? cleanFiles?.get(path) : undefined;
			if (clean) {
				// Its data is already the record; the file is read again only to locate a cross-file problem.
				sources.set(file, { file, data: undefined, images: clean.images, problems: [], locate: (p, key) => readSource(root, file).locate(p, key) });
				learnNames(id, clean.names);
				pending.push(() => records[folder.name]!.push(clean.record));
				continue;
			}
			const source = read(file);
			if (source.data === undefined) {
				(invalidIds[folder.kind] ??= []).push(id);
				continue;
			}
			const names = namesOf(source.data);
			learnNames(id, names);
			pending.push(() => {
				const record = keep(folder.kind, folder.name, source, folder.schema, source.data, id);
				if (record && source.problems.length === 0 && isSlug(id)) cleanFiles?.set(path, { names, record, images: source.images });
			});
		}
	}

	// Phase 2: schemas, then the rules across files.
	for (const check of pending) check();

	cleanFiles?.save();
	const valid = records as unknown as SiteRecords;
	problems.push(...crossCheck(root, valid, sources, invalidIds, unchecked));
	return { problems: sortProblems(problems), files: sources.size, records: valid };
}
