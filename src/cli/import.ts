import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importArticle } from '../import/import-article';

// `npm run import -- <file> [...]`: raw document → content/articles/<id>.md as a draft.
const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string', default: process.cwd() } } });
const root = resolve(values.root);
if (positionals.length === 0) {
	console.error('用法：npm run import -- <文件> [更多文件]（纯文本、HTML，或带 Hexo/Jekyll 字段区的 Markdown）');
	process.exit(2);
}
let failed = false;
for (const input of positionals) {
	const name = basename(input);
	const text = readFileSync(input, 'utf8');
	const seed = join(root, 'seeds', name);
	if (existsSync(seed) && readFileSync(seed, 'utf8') !== text) {
		console.error(`${input}：seeds/ 中已有同名但内容不同的文件“${name}”，未导入。请给原稿改个名字再导入。`);
		failed = true;
		continue;
	}
	const article = importArticle(text, name);
	const target = join(root, 'content', 'articles', `${article.id}.md`);
	if (existsSync(target)) {
		console.error(`${input}：content/articles/${article.id}.md 已存在，未覆盖。请先改名或删除旧文件。`);
		failed = true;
		continue;
	}
	// The original is kept verbatim: every article names the seed its text comes from.
	if (!existsSync(seed)) copyFileSync(input, seed);
	writeFileSync(target, article.markdown);
	console.log(`已导入为草稿：content/articles/${article.id}.md（原稿：seeds/${name}）`);
	if (article.missing.length) console.log(`  请补全：${article.missing.join('、')}；核对后删除 draft: true 即可发布。`);
}
process.exitCode = failed ? 1 : 0;
