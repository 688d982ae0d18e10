import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { importArticle } from '../import/import-article';
import { SLUG_PATTERN } from '../schemas';
import { fail, parseCommand } from './args';

// `npm run import -- <file> [...]`: raw document → content/articles/<id>.md as a draft.
const { values, positionals } = parseCommand(process.argv.slice(2), {
	usage: 'npm run import -- <文件> [更多文件] [参数]',
	summary: '把原稿（纯文本、HTML，或带 Hexo/Jekyll 字段区的 Markdown）导入为草稿文章，并把原稿原样复制到 seeds/。没能识别的字段写成文件里的注释，提醒你补全。',
	flags: { id: { type: 'string', help: '文章 id（只导入一个文件时可用）；不填则由标题的拼音生成' } },
	examples: ['npm run import -- 原稿.html', 'npm run import -- 原稿.txt --id wcc-2021-opening'],
});
const root = resolve(typeof values.root === 'string' ? values.root : process.cwd());
const id = typeof values.id === 'string' ? values.id : undefined;
if (positionals.length === 0) fail('请给出要导入的文件，如 npm run import -- 原稿.html（完整说明：npm run import -- --help）');
if (id !== undefined && positionals.length > 1) fail('--id 只能在导入一个文件时使用：请逐个导入。');
if (id !== undefined && !SLUG_PATTERN.test(id)) fail(`--id“${id}”不能用作 id：只能使用小写字母、数字和单个连字符，如 wcc-2021-opening。`);
let failed = false;
for (const input of positionals) {
	if (!existsSync(input)) {
		console.error(`${input}：找不到这个文件，请检查路径。`);
		failed = true;
		continue;
	}
	const name = basename(input);
	const text = readFileSync(input, 'utf8');
	const seed = join(root, 'seeds', name);
	if (existsSync(seed) && readFileSync(seed, 'utf8') !== text) {
		console.error(`${input}：seeds/ 中已有同名但内容不同的文件“${name}”，未导入。请给原稿改个名字再导入。`);
		failed = true;
		continue;
	}
	const article = importArticle(text, name, id);
	const target = join(root, 'content', 'articles', `${article.id}.md`);
	if (existsSync(target)) {
		console.error(`${input}：content/articles/${article.id}.md 已存在，未覆盖。请用 --id 另取一个 id，或先删除旧文件。`);
		failed = true;
		continue;
	}
	// The original is kept verbatim: every article names the seed its text comes from.
	if (!existsSync(seed)) copyFileSync(input, seed);
	writeFileSync(target, article.markdown);
	console.log(`已导入为草稿：content/articles/${article.id}.md（原稿：seeds/${name}）`);
	if (article.missing.length) console.log(`  请补全：${article.missing.join('、')}（文件开头的注释里也写着）；核对后删除 draft: true 即可发布。`);
}
process.exitCode = failed ? 1 : 0;
