import type { ProblemCode } from './codes';

export type Severity = 'error' | 'warning';

/** One thing wrong with the content, located and explained for an editor. */
export interface Problem {
	/** Path relative to the project root. */
	file: string;
	/** 1-based line and column, where the problem can be pinned down. */
	line?: number;
	column?: number;
	severity: Severity;
	/** Short English code to search for, e.g. `unknown-reference` (every one is in codes.ts and CONTRIBUTING.md). */
	code: ProblemCode;
	/** The field, e.g. `people[1].speaker`. */
	field?: string;
	/** What is wrong and how to fix it, in Chinese. */
	message: string;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告' };

export const location = (p: Problem) => `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`;

/** Files, then lines, then columns; errors before warnings on the same spot. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.column ?? 0) - (b.column ?? 0) ||
			(a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
	);
}

/**
 * Control characters and line breaks as visible escapes (`\n`, `\u0000`): messages quote what editors
 * wrote, and a value with a line break must not start a line of its own (on GitHub, a line starting
 * with `::` is a command to the runner).
 */
export const visible = (text: string) =>
	text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

/** `content/x.md:3:7  错误  people[0].speaker  找不到嘉宾…  [unknown-reference]`, on one line whatever the values quoted. */
export function formatProblem(p: Problem): string {
	return visible(`${location(p)}  ${SEVERITY_LABEL[p.severity]}  ${p.field ? `${p.field}  ` : ''}${p.message}  [${p.code}]`);
}

export function summary(problems: Problem[], files: number): string {
	const errors = problems.filter((p) => p.severity === 'error').length;
	const warnings = problems.length - errors;
	if (problems.length === 0) return `内容校验通过：${files} 个文件，没有发现问题。`;
	return `内容校验：${files} 个文件中发现 ${errors} 个错误、${warnings} 个警告。${errors > 0 ? '请按提示逐条修改后重新运行 npm run validate。' : ''}`;
}
