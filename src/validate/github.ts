import { randomUUID } from 'node:crypto';
import { formatProblem, location, summary, visible, type Problem } from './problem';

// GitHub shows at most 10 annotations of each kind per step; the rest go to the step summary.
const ANNOTATIONS_PER_KIND = 10;

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::message` lines for the first problems of each kind. */
export function annotations(problems: Problem[]): string[] {
	const out: string[] = [];
	for (const severity of ['error', 'warning'] as const) {
		for (const p of problems.filter((x) => x.severity === severity).slice(0, ANNOTATIONS_PER_KIND)) {
			const props = [`file=${escapeProperty(p.file)}`];
			if (p.line) props.push(`line=${p.line}`);
			if (p.column) props.push(`col=${p.column}`);
			props.push(`title=${escapeProperty(p.code)}`);
			out.push(`::${severity} ${props.join(',')}::${escapeData(visible(`${p.field ? `${p.field}：` : ''}${p.message}`))}`);
		}
	}
	return out;
}

/** The full list as Markdown, for `$GITHUB_STEP_SUMMARY`. */
export function stepSummary(problems: Problem[], files: number): string {
	const rows = problems.map((p) => `| ${p.severity === 'error' ? '❌ 错误' : '⚠️ 警告'} | \`${visible(location(p))}\` | ${p.field ? `\`${visible(p.field)}\`` : ''} | ${visible(p.message).replace(/\|/g, '\\|')} | \`${p.code}\` |`);
	return [`### 内容校验`, '', summary(problems, files), '', ...(rows.length ? ['| | 位置 | 字段 | 问题与改法 | 代码 |', '|---|---|---|---|---|', ...rows] : []), ''].join('\n');
}

/**
 * The plain list, for the log, fenced so that the runner reads none of it as a command: between
 * `::stop-commands::<token>` and `::<token>::` it only prints (GitHub's documented way to echo
 * untrusted text). The token is random, so the text cannot end the fence itself.
 */
export function fencedList(lines: string[]): string[] {
	const token = randomUUID();
	return [`::stop-commands::${token}`, ...lines, `::${token}::`];
}

export { formatProblem };
