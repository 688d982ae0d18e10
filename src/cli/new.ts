import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as p from '@clack/prompts';
import { ARTICLE_KINDS, EVENT_KINDS, toPartialDate } from '../schemas';
import { writeSiteSkeleton } from '../scaffold/site-skeleton';
import { newArticle, newEvent, newSpeaker, type NewFile } from '../scaffold/templates';
import { formatProblem } from '../validate/problem';
import { validateContent } from '../validate/validate';

// `npm run new -- article|event|speaker [--flags]`: asks for what the flags do not give.
// `npm run new -- site --title … [--tagline …] [--description …] [--yes]`: a new, empty site.
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		root: { type: 'string', default: process.cwd() },
		title: { type: 'string' }, kind: { type: 'string' }, seed: { type: 'string' }, outlet: { type: 'string' },
		date: { type: 'string' }, events: { type: 'string' }, name: { type: 'string' }, 'short-name': { type: 'string' },
		start: { type: 'string' }, end: { type: 'string' }, 'original-name': { type: 'string' }, article: { type: 'string' },
		'as-given': { type: 'string' }, event: { type: 'string' }, tagline: { type: 'string' }, description: { type: 'string' },
		yes: { type: 'boolean', default: false },
	},
});
const root = resolve(values.root);
const what = positionals[0];
const interactive = Boolean(process.stdin.isTTY);

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}
const ids = (folder: string, ext: string) => (existsSync(join(root, 'content', folder)) ? readdirSync(join(root, 'content', folder)).filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length)) : []);
const dateOk = (v: string | undefined) => (v && toPartialDate(v) ? undefined : '请写成 2024、2024-10 或 2024-10-22');

/** The flag's value, or an answer to a prompt, or (without a terminal) an error naming the flag. */
async function ask(flag: string, question: Parameters<typeof p.text>[0] & { optional?: boolean }): Promise<string | undefined> {
	const given = values[flag as keyof typeof values];
	if (typeof given === 'string') return given;
	if (!interactive) {
		if (question.optional) return undefined;
		fail(`缺少 --${flag}（${question.message}）：不在终端中运行时，请用参数提供。`);
	}
	const answer = await p.text(question);
	if (p.isCancel(answer)) fail('已取消，未写入任何文件。');
	return answer || undefined;
}
async function choose(flag: string, message: string, options: Record<string, string>): Promise<string> {
	const given = values[flag as keyof typeof values];
	if (typeof given === 'string') return given;
	if (!interactive) fail(`缺少 --${flag}（${message}，可选：${Object.keys(options).join('、')}）。`);
	const answer = await p.select({ message, options: Object.entries(options).map(([value, label]) => ({ value, label: `${label}（${value}）` })) });
	if (p.isCancel(answer)) fail('已取消，未写入任何文件。');
	return answer as string;
}

async function answers(): Promise<NewFile> {
	if (what === 'article') {
		const seeds = existsSync(join(root, 'seeds')) ? readdirSync(join(root, 'seeds')).filter((f) => f !== 'README.md') : [];
		const title = (await ask('title', { message: '标题', validate: (v) => (v?.trim() ? undefined : '标题不能为空') }))!;
		const kind = await choose('kind', '文章类型', ARTICLE_KINDS);
		const seed = values.seed ?? (interactive ? await choose('seed', '原始稿件（seeds/ 中的文件；没有的话先用 npm run import 导入）', Object.fromEntries(seeds.map((s) => [s, s]))) : fail('缺少 --seed（seeds/ 中的原始稿件文件名）。'));
		const outlet = await ask('outlet', { message: '媒体（可留空）', optional: true });
		const date = await ask('date', { message: '发表日期（可留空）', optional: true, validate: (v) => (v ? dateOk(v) : undefined) });
		const events = (await ask('events', { message: `相关活动 id，逗号分隔（可留空；现有：${ids('events', '.md').join('、')}）`, optional: true }))?.split(/[,，\s]+/).filter(Boolean);
		return newArticle({ title, kind, seed, outlet, date, events });
	}
	if (what === 'event') {
		const name = (await ask('name', { message: '活动全称', validate: (v) => (v?.trim() ? undefined : '不能为空') }))!;
		const shortName = (await ask('short-name', { message: '简称', validate: (v) => (v?.trim() ? undefined : '不能为空') }))!;
		const kind = await choose('kind', '活动类型', EVENT_KINDS);
		const start = (await ask('start', { message: '开始日期', validate: dateOk }))!;
		const end = await ask('end', { message: '结束日期（一天的活动可留空）', optional: true, validate: (v) => (v ? dateOk(v) : undefined) });
		return newEvent({ name, shortName, kind, start, end });
	}
	if (what === 'speaker') {
		const name = (await ask('name', { message: '中文姓名（外籍人士填报道所用译名）', validate: (v) => (v?.trim() ? undefined : '不能为空') }))!;
		const originalName = await ask('original-name', { message: '原文姓名（外籍人士，如 Hugo Aerts；中国人留空）', optional: true });
		const article = (await ask('article', { message: `出处文章 id（现有：${ids('articles', '.md').slice(0, 8).join('、')}…）`, validate: (v) => (v?.trim() ? undefined : '不能为空') }))!;
		const asGiven = (await ask('as-given', { message: '文中对其职务的原话，如“中国科学院院士，北京科学智能研究院院长”', validate: (v) => (v?.trim() ? undefined : '不能为空') }))!;
		const event = await ask('event', { message: '相关活动 id（可留空）', optional: true });
		return newSpeaker({ name, originalName, article, asGiven, event });
	}
	fail('用法：npm run new -- article|event|speaker|site [参数]，例如 npm run new -- speaker --name 鄂维南 --article … --as-given …');
}

/** Replaces content/ and seeds/ with an empty site of the editor's own: for adopting the generator. */
async function newSite() {
	if (interactive) p.intro('新建网站：清空 content/ 和 seeds/，换成你自己的会议');
	const title = (await ask('title', { message: '网站名称，如“某某论坛文库”', validate: (v) => (v?.trim() ? undefined : '不能为空') }))!;
	const tagline = (await ask('tagline', { message: '一句话副标题（可留空）', optional: true })) ?? '会议纪实';
	const description = (await ask('description', { message: '网站简介（可留空）', optional: true })) ?? `${title}：历届会议的议程、嘉宾与报道。`;
	const existing = ['content', 'seeds'].filter((d) => existsSync(join(root, d)) && readdirSync(join(root, d)).length > 0);
	if (existing.length > 0 && !values.yes) {
		if (!interactive) fail(`${existing.join(' 和 ')} 中已有内容，会被全部删除：确认要换成新网站，请加 --yes。`);
		const sure = await p.confirm({ message: `${existing.join(' 和 ')} 中的现有内容将被全部删除（Git 历史中仍可找回）。继续吗？`, initialValue: false });
		if (p.isCancel(sure) || !sure) fail('已取消，未改动任何文件。');
	}
	const written = writeSiteSkeleton(root, { title, tagline, description });
	const problems = validateContent(root).problems.filter((x) => x.severity === 'error');
	if (problems.length > 0) fail(`新网站没有通过校验：\n${problems.map(formatProblem).join('\n')}`);
	const done = `已新建网站“${title}”：${written.join('、')}。下一步：编辑 content/site.yaml（导航、页脚、图标、主题色），再用 npm run new -- event / speaker / article 添加内容。`;
	if (interactive) p.outro(done);
	else console.log(done);
}
if (what === 'site') {
	await newSite();
	process.exit(0);
}

if (interactive) p.intro(`新建${what === 'article' ? '文章' : what === 'event' ? '活动' : '嘉宾'}`);
const file = await answers();
const target = join(root, file.path);
if (existsSync(target)) fail(`${file.path} 已存在，未覆盖：若是另一条目，请用不同的名称；若是同一条目，请直接编辑该文件。`);
writeFileSync(target, file.text);
// What was written must validate; if it does not, take it back and say why.
const problems = validateContent(root).problems.filter((x) => x.file === file.path && x.severity === 'error');
if (problems.length > 0) {
	rmSync(target);
	fail(`未写入 ${file.path}，因为：\n${problems.map(formatProblem).join('\n')}`);
}
const done = `已创建 ${file.path}（id：${file.id}）${what === 'article' ? '。写好正文后删除 draft: true 即可发布。' : '。'}`;
if (interactive) p.outro(done);
else console.log(done);
