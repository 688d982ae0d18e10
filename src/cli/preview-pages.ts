import { execFileSync } from 'node:child_process';
import { changedPages, type ChangedFile } from '../preview/changed-pages';
import { validateContent } from '../validate/validate';
import { parseCommand } from './args';

// `npm run preview:pages -- --since origin/main --site http://localhost:3000/`: the pages a pull request
// adds or changes, as a Markdown list for its preview comment (.github/workflows/preview.yml).
const { values } = parseCommand(process.argv.slice(2), {
	usage: 'npm run preview:pages -- --since <分支或提交> [--site <预览地址>]',
	summary: '列出本分支相对 --since 新增或修改的页面（Markdown 列表），供 PR 预览评论使用。',
	flags: {
		since: { type: 'string', default: 'origin/main', help: '与哪个分支或提交比较，默认 origin/main' },
		site: { type: 'string', default: 'http://localhost:3000/', help: '预览网站的地址，页面链接以它开头' },
	},
});
const root = typeof values.root === 'string' ? values.root : process.cwd();
const diff = execFileSync('git', ['diff', '--name-status', '--no-renames', `${values.since}...HEAD`, '--', 'content/'], { cwd: root, encoding: 'utf8' });
const files: ChangedFile[] = diff
	.split('\n')
	.filter(Boolean)
	.map((line) => {
		const [status, path] = line.split('\t');
		return { status: status![0] as ChangedFile['status'], path: path! };
	});
const site = new URL(String(values.site));
const pages = changedPages(files, validateContent(root).records, site.pathname);
console.log(pages.length === 0 ? '（本 PR 没有改动 content/ 中的文件。）' : pages.map((p) => `- ${p.url ? `[${p.label}](${new URL(p.url, site).href})` : p.label}${p.note ? `：${p.note}` : ''}`).join('\n'));
