import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { articleSchema, eventSchema, organizationSchema, seriesSchema, speakerSchema, topicSchema } from '../schemas';
import type { SiteRecords } from './records';

/** A file that failed its schema: where, and what zod said, in the schemas' Chinese messages. */
export interface SchemaProblem {
	file: string;
	field: string;
	message: string;
}

export class ContentSchemaError extends Error {
	constructor(readonly problems: SchemaProblem[]) {
		super(problems.map((p) => `${p.file}  ${p.field}  ${p.message}`).join('\n'));
		this.name = 'ContentSchemaError';
	}
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Reads `content/` outside Astro with the same schemas the site uses, for tests and tools.
 * Astro's glob loader gives entries the file name as id; so does this.
 */
export function readContent(root = process.cwd()): SiteRecords {
	const problems: SchemaProblem[] = [];
	const rel = (file: string) => relative(root, file);

	const parseWith = <S extends z.ZodType>(schema: S, file: string, data: unknown, field = ''): z.output<S> | undefined => {
		const result = schema.safeParse(data);
		if (result.success) return result.data;
		for (const issue of result.error.issues) {
			problems.push({ file: rel(file), field: [field, ...issue.path].filter((p) => p !== '').join('.'), message: issue.message });
		}
		return undefined;
	};
	const list = <S extends z.ZodType>(name: string, schema: S) => {
		const file = join(root, 'content', `${name}.yaml`);
		const items = (parse(readFileSync(file, 'utf8')) ?? []) as unknown[];
		return items.flatMap((item, i) => {
			const data = parseWith(schema, file, item, `[${i}]`);
			return data ? [{ ...data, filePath: rel(file) }] : [];
		});
	};
	const folder = <S extends z.ZodType>(name: string, ext: '.md' | '.yaml', schema: S) => {
		const dir = join(root, 'content', name);
		return readdirSync(dir)
			.filter((f) => f.endsWith(ext))
			.sort()
			.flatMap((f) => {
				const file = join(dir, f);
				const source = readFileSync(file, 'utf8');
				const raw = ext === '.md' ? (FRONTMATTER.exec(source)?.[1] ?? '') : source;
				const data = parseWith(schema, file, parse(raw) ?? {});
				return data ? [{ ...data, id: f.slice(0, -ext.length), filePath: rel(file) }] : [];
			});
	};

	const records = {
		series: list('series', seriesSchema()),
		organizations: list('organizations', organizationSchema()),
		topics: list('topics', topicSchema()),
		events: folder('events', '.md', eventSchema()),
		speakers: folder('speakers', '.yaml', speakerSchema()),
		articles: folder('articles', '.md', articleSchema()),
	} as SiteRecords;
	if (problems.length > 0) throw new ContentSchemaError(problems);
	return records;
}

/** Markdown body of a content file, front matter removed. */
export function markdownBody(source: string): string {
	return source.replace(FRONTMATTER, '');
}
