import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { archiveImages, type ArchivedImage } from '../import/archive-images';
import { importArticle } from '../import/import-article';
import { SLUG_PATTERN } from '../schemas';
import { fail, parseCommand } from './args';

// `npm run import -- <file> [...]`: raw document → content/articles/<id>.md as a draft, its images
// downloaded into the repository. `npm run import -- --images <content file> [...]`: the same for
// the remote images of articles and events already in content/.
const { values, positionals } = parseCommand(process.argv.slice(2), {
	usage: 'npm run import -- <文件> [更多文件] [参数]',
	summary: '把原稿（纯文本、HTML，或带 Hexo/Jekyll 字段区的 Markdown）导入为草稿文章，并把原稿原样复制到 seeds/；正文里的外站图片下载到 public/images/<文章 id>/，地址改成本站的。没能识别的字段写成文件里的注释，提醒你补全。',
	flags: {
		id: { type: 'string', help: '文章 id（只导入一个文件时可用）；不填则由标题的拼音生成' },
		images: { type: 'boolean', help: '不导入原稿，只把 content/ 里已有文章或活动正文中的外站图片下载进仓库' },
	},
	examples: ['npm run import -- 原稿.html', 'npm run import -- 原稿.txt --id wcc-2021-opening', 'npm run import -- --images content/articles/wcc-2021-opening.md'],
});
const root = resolve(typeof values.root === 'string' ? values.root : process.cwd());
const id = typeof values.id === 'string' ? values.id : undefined;

/** Archives a content file's remote images and says what happened; false when one could not be had. */
async function archive(file: string, sayIfNone: boolean): Promise<boolean> {
	const results = await archiveImages(root, file);
	const saved = results.filter((r) => r.saved);
	const failed = results.filter((r): r is ArchivedImage & { problem: string } => r.problem !== undefined);
	if (results.length === 0 && sayIfNone) console.log('  正文里没有外站图片，不用下载。');
	if (saved.length) console.log(`  下载了 ${saved.length} 张图片到 public/images/${basename(file, '.md')}/，${file} 里的地址已改成本站的。`);
	for (const f of failed) {
		console.log(`  第 ${f.lines.join('、')} 行的图片没能下载（${f.problem}）：${f.url}`);
		console.log(`    地址保持不变。请从原文保存这张图，放进 public/images/${basename(file, '.md')}/，把地址改成 /images/${basename(file, '.md')}/文件名。`);
	}
	return failed.length === 0;
}

if (values.images) {
	if (positionals.length === 0) fail('请给出要处理的文件，如 npm run import -- --images content/articles/wcc-2021-opening.md');
	let complete = true;
	for (const file of positionals) {
		const relativePath = relative(root, resolve(file));
		if (!/^content\/(articles|events)\/[^/]+\.md$/.test(relativePath.split(sep).join('/')) || !existsSync(join(root, relativePath))) {
			console.error(`${file}：不是 content/articles/ 或 content/events/ 里的 Markdown 文件，请检查路径。`);
			complete = false;
			continue;
		}
		console.log(`${relativePath}：`);
		complete = (await archive(relativePath.split(sep).join('/'), true)) && complete;
	}
	process.exit(complete ? 0 : 1);
}

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
	// An image that cannot be had now keeps its address; the validator's warning says what to do.
	await archive(`content/articles/${article.id}.md`, false);
	if (article.missing.length) console.log(`  请补全：${article.missing.join('、')}（文件开头的注释里也写着）；核对后删除 draft: true 即可发布。`);
}
process.exitCode = failed ? 1 : 0;
