import type { z } from 'zod';
import { formatPath } from '../lib/references';
import { defOf } from '../schemas/introspect';
import type { Problem } from './problem';
import type { SourceFile } from './source';
import { didYouMean, hint } from './suggest';


/** Field names an object accepts at `path` of `schema`, for "did you mean" on unknown fields. */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
	const def = defOf(schema);
	if (def.type === 'pipe' && def.in) return fieldsAt(def.in, path);
	if (def.innerType) return fieldsAt(def.innerType, path);
	if (def.type === 'union' && def.options) return [...new Set(def.options.flatMap((o) => fieldsAt(o, path)))];
	if (path.length === 0) return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
	const [head, ...rest] = path;
	if (def.type === 'array' && def.element && typeof head === 'number') return fieldsAt(def.element, rest);
	if (def.type === 'object' && def.shape && typeof head === 'string' && def.shape[head]) return fieldsAt(def.shape[head]!, rest);
	return [];
}

const valueAt = (data: unknown, path: readonly PropertyKey[]) =>
	path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);

/**
 * Validates `data` with `schema` and turns every zod issue into a located problem.
 * `prefix` is the entry's path inside its file (its index in a YAML list).
 */
export function checkSchema<S extends z.ZodType>(
	source: SourceFile,
	schema: S,
	data: unknown,
	prefix: (string | number)[] = [],
	/** Ids by entry name, so a name written where an id belongs gets its id suggested. */
	idsByName: Map<string, string> = new Map(),
): { data?: z.output<S>; problems: Problem[] } {
	const result = schema.safeParse(data);
	if (result.success) return { data: result.data, problems: [] };
	const problems = result.error.issues.flatMap((issue): Problem[] => {
		const path = issue.path as (string | number)[];
		const full = [...prefix, ...path];
		const at = (p: (string | number)[], key = false) => ({ file: source.file, ...source.locate(p, key) });
		if (issue.code === 'unrecognized_keys') {
			const known = fieldsAt(schema, path);
			return issue.keys.map((key) => ({
				...at([...full, key], true),
				severity: 'error' as const,
				code: 'unknown-field',
				field: formatPath([...full, key]),
				message: `没有“${key}”这个字段。${hint(didYouMean(key, known))}可用的字段：${known.join('、')}。`,
			}));
		}
		const given = valueAt(data, path);
		// A missing field fails as a wrong type or, for choices, as a wrong option: either way, it is missing.
		if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && given === undefined) {
			return [{ ...at(full), severity: 'error', code: 'missing-field', field: formatPath(full), message: `缺少必填字段“${String(path.at(-1))}”：请补上。` }];
		}
		if (issue.code === 'invalid_value') {
			const options = issue.values.map(String);
			return [{
				...at(full),
				severity: 'error',
				code: 'invalid-option',
				field: formatPath(full),
				message: `“${String(given)}”不是可选的值。${hint(didYouMean(String(given), options))}可选：${options.join('、')}。`,
			}];
		}
		const lowered = typeof given === 'string' ? given.toLowerCase() : undefined;
		if (issue.code === 'invalid_format' && lowered && lowered !== given && idsByName.get(lowered) === lowered) {
			return [{ ...at(full), severity: 'error', code: 'invalid-format', field: formatPath(full), message: `${issue.message}：是否想写“${lowered}”？` }];
		}
		const id = typeof given === 'string' ? idsByName.get(given) : undefined;
		if (issue.code === 'invalid_format' && id) {
			return [{ ...at(full), severity: 'error', code: 'name-instead-of-id', field: formatPath(full), message: `“${given}”是名称，这里要填 id：请改为“${id}”。` }];
		}
		const own = (issue as { params?: { code?: string } }).params?.code;
		const code = own ? own : issue.code === 'invalid_format' ? 'invalid-format' : issue.code === 'too_small' ? 'too-few' : issue.code === 'invalid_type' ? 'invalid-type' : 'invalid-value';
		return [{ ...at(full), severity: 'error', code, field: formatPath(full), message: issue.message }];
	});
	return { problems };
}
