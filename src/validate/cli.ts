import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { annotations, fencedList, stepSummary } from './github';
import { formatProblem, summary } from './problem';
import { validateContent } from './validate';

// `npm run validate [-- --format github]`: every problem in every file, then exit 1 on errors.
const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' }, root: { type: 'string', default: process.cwd() } } });
if (values.format !== 'text' && values.format !== 'github') {
	console.error(`未知的 --format“${values.format}”：可用 text 或 github。`);
	process.exit(2);
}
const { problems, files } = validateContent(values.root);
if (values.format === 'github') {
	for (const line of annotations(problems)) console.log(line);
	if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, stepSummary(problems, files));
}
const list = [...problems.map(formatProblem), summary(problems, files)];
for (const line of values.format === 'github' ? fencedList(list) : list) console.log(line);
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
