import type { z } from 'zod';
import { formatPath } from '../lib/references';
import { defOf, labelsFor } from '../schemas/introspect';
import { isProblemCode, type ProblemCode } from './codes';
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

/** The option whose Chinese label `given` is (or is short for: 主办 for 主办单位). */
function optionForLabel(given: string, options: string[]): string | undefined {
	const label = given.trim();
	const labels = labelsFor(options);
	if (!label) return undefined;
	return options.find((o) => labels.get(o) === label) ?? options.find((o) => labels.get(o)?.replace(/单位$/, '') === label);
}

/** Value types as editors know them. */
const TYPE_NAMES: Record<string, string> = { string: '文字', number: '数字', int: '整数', boolean: 'true 或 false', array: '列表', object: '一组字段（换行缩进两格写子字段）', date: '日期' };
const typeOf = (v: unknown) =>
	Array.isArray(v) ? '列表' : v === null ? '空值' : v instanceof Date ? '日期' : typeof v === 'object' ? '一组字段' : typeof v === 'number' ? '数字' : typeof v === 'boolean' ? 'true/false' : '文字';

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
		if ((issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') && given === undefined) {
			return [{ ...at(full), severity: 'error', code: 'missing-field', field: formatPath(full), message: `缺少必填字段“${String(path.at(-1))}”：请补上。` }];
		}
		if (issue.code === 'invalid_value' && Array.isArray(given)) {
			const field = String(path.at(-1));
			return [{ ...at(full), severity: 'error', code: 'invalid-type', field: formatPath(full), message: `这里只能写一个值，不是列表：请去掉方括号，改为「${field}: ${given.map(String).join(', ')}」。` }];
		}
		if (issue.code === 'invalid_value') {
			const options = issue.values.map(String);
			const field = String(path.at(-1));
			// The Chinese label of an option (主旨报告, 主办单位), as CONTRIBUTING's tables show it: named as the fix.
			const byLabel = optionForLabel(String(given), options);
			const labels = labelsFor(options);
			return [{
				...at(full),
				severity: 'error',
				code: 'invalid-option',
				field: formatPath(full),
				message: byLabel
					? `“${String(given)}”是选项 ${byLabel} 的中文名，这里要写英文值：请改为「${field}: ${byLabel}」。`
					: `“${String(given)}”不是可选的值。${hint(didYouMean(String(given), options))}可选：${options.map((o) => (labels.get(o) ? `${o}（${labels.get(o)}）` : o)).join('、')}。`,
			}];
		}
		// zod's own wording (its zh-CN locale: “无效输入：期望 array，实际接收 string”), not a schema's message.
		if (issue.code === 'invalid_type' && given !== undefined && issue.message.startsWith('无效输入')) {
			const field = String(path.at(-1));
			const expected = String((issue as { expected?: string }).expected);
			// `speakers: mao-weiming`: one item written where a list belongs.
			if (expected === 'array' && (typeof given === 'string' || typeof given === 'number')) {
				const items = String(given).split(/\s*[,，、]\s*/).filter(Boolean);
				return [{ ...at(full), severity: 'error', code: 'not-a-list', field: formatPath(full), message: `这里要写成列表（哪怕只有一项）：请改为「${field}: [${items.join(', ')}]」。` }];
			}
			const message = `这里应填${TYPE_NAMES[expected] ?? expected}，现在填的是${typeOf(given)}${expected === 'string' && (typeof given === 'number' || typeof given === 'boolean') ? `：请加引号，改为「${field}: "${String(given)}"」` : ''}。`;
			return [{ ...at(full), severity: 'error', code: 'invalid-type', field: formatPath(full), message }];
		}
		const lowered = typeof given === 'string' ? given.toLowerCase() : undefined;
		if (issue.code === 'invalid_format' && lowered && lowered !== given && idsByName.get(lowered) === lowered) {
			return [{ ...at(full), severity: 'error', code: 'invalid-format', field: formatPath(full), message: `${issue.message}：是否想写“${lowered}”？` }];
		}
		const id = typeof given === 'string' ? idsByName.get(given) : undefined;
		if (issue.code === 'invalid_format' && id) {
			return [{ ...at(full), severity: 'error', code: 'name-instead-of-id', field: formatPath(full), message: `“${given}”是名称，这里要填 id：请改为“${id}”。` }];
		}
		// zod's own wording for numbers (its zh-CN locale names the type in English: “期望 number >0”).
		if ((issue.code === 'too_small' || issue.code === 'too_big') && typeof given === 'number' && /^数值过[小大]/.test(issue.message)) {
			const { minimum, maximum, inclusive } = issue as { minimum?: unknown; maximum?: unknown; inclusive?: boolean };
			const message = issue.code === 'too_small' ? `数值太小：应${inclusive ? '不小于' : '大于'} ${String(minimum)}` : `数值太大：应${inclusive ? '不大于' : '小于'} ${String(maximum)}`;
			return [{ ...at(full), severity: 'error', code: 'invalid-value', field: formatPath(full), message: `${message}。` }];
		}
		// A value of none of the accepted kinds (`start: true`): zod says only “无效输入”.
		if (issue.code === 'invalid_union' && issue.message === '无效输入' && given !== undefined) {
			return [{ ...at(full), severity: 'error', code: 'invalid-type', field: formatPath(full), message: `这里填的是${typeOf(given)}，写法不对：请按 CONTRIBUTING.md 的字段说明填写“${String(path.at(-1))}”。` }];
		}
		const own = (issue as { params?: { code?: string } }).params?.code;
		// A schema's own code must be a known one (codes.ts); the property tests check every code met.
		const code: ProblemCode = own && isProblemCode(own) ? own : issue.code === 'invalid_format' ? 'invalid-format' : issue.code === 'too_small' ? 'too-few' : issue.code === 'invalid_type' ? 'invalid-type' : 'invalid-value';
		return [{ ...at(full), severity: 'error', code, field: formatPath(full), message: issue.message }];
	});
	return { problems };
}
