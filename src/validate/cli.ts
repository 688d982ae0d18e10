import { appendFileSync } from 'node:fs';
import { parseCommand } from '../cli/args';
import { annotations, fencedList, stepSummary } from './github';
import { formatProblem, summary } from './problem';
import { validateContent } from './validate';

// `npm run validate [-- --format github]`: every problem in every file, then exit 1 on errors.
const { values } = parseCommand(process.argv.slice(2), {
	usage: 'npm run validate [-- 参数]',
	summary: '检查 content/ 中的全部内容，列出每个问题（文件:行:列、问题、改法）；有错误时以状态 1 退出。',
	flags: { format: { type: 'string', default: 'text', help: '输出格式：text（默认），或 github（在 PR 的文件上标注）' } },
});
const root = typeof values.root === 'string' ? values.root : process.cwd();
if (values.format !== 'text' && values.format !== 'github') {
	console.error(`未知的 --format“${values.format}”：可用 text 或 github。`);
	process.exit(2);
}
const { problems, files } = validateContent(root);
if (values.format === 'github') {
	for (const line of annotations(problems)) console.log(line);
	if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, stepSummary(problems, files));
}
const list = [...problems.map(formatProblem), summary(problems, files)];
for (const line of values.format === 'github' ? fencedList(list) : list) console.log(line);
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
