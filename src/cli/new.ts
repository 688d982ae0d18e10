import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as p from '@clack/prompts';
import { ARTICLE_KINDS, EVENT_KINDS, SLUG_PATTERN, toPartialDate } from '../schemas';
import { writeSiteSkeleton } from '../scaffold/site-skeleton';
import { findNamesakes, distinctId } from '../scaffold/namesakes';
import { newArticle, newEvent, newSpeaker, withAppearance, type NewFile } from '../scaffold/templates';
import { formatProblem } from '../validate/problem';
import { didYouMean, hint } from '../validate/suggest';
import { validateContent } from '../validate/validate';
import { fail, parseCommand, type CommandSpec, type Flag } from './args';

// `npm run new -- <what> [--flags]`: asks for what the flags do not give (in a terminal), or names the missing flag.
const idFlag: Flag = { type: 'string', help: '自定义 id（文件名）：小写字母、数字和连字符；不填则由名称的拼音生成' };
const COMMANDS: Record<string, CommandSpec> = {
	article: {
		usage: 'npm run new -- article [参数]',
		summary: '新建一篇草稿文章（draft: true），正文照录原文后删去 draft: true 即可发布。',
		flags: {
			title: { type: 'string', help: '标题' },
			kind: { type: 'string', help: `文章类型：${choiceList(ARTICLE_KINDS)}` },
			seed: { type: 'string', help: 'seeds/ 中原始稿件的文件名（没有的话先用 npm run import 导入）' },
			outlet: { type: 'string', help: '刊发媒体，如 科技日报' },
			date: { type: 'string', help: '发表日期：2024、2024-10 或 2024-10-22' },
			events: { type: 'string', help: '相关活动 id，多个用逗号分隔' },
			id: idFlag,
		},
		examples: ['npm run new -- article --title 峰会侧记 --kind recap --seed 原稿.txt --date 2025-08 --events quanqiu-kexue-zhineng-fenghui-2025'],
	},
	event: {
		usage: 'npm run new -- event [参数]',
		summary: '新建一场活动。',
		flags: {
			name: { type: 'string', help: '活动全称' },
			'short-name': { type: 'string', help: '简称（搜索筛选和列表用）' },
			kind: { type: 'string', help: `活动类型：${choiceList(EVENT_KINDS)}` },
			start: { type: 'string', help: '开始日期：2024、2024-10 或 2024-10-22' },
			end: { type: 'string', help: '结束日期（一天的活动不填）' },
			id: idFlag,
		},
		examples: ['npm run new -- event --name 2025全球科学智能峰会 --short-name 全球科学智能峰会 --kind summit --start 2025-08-10 --end 2025-08-11'],
	},
	speaker: {
		usage: 'npm run new -- speaker [参数]',
		summary: '新建一位嘉宾，附第一条出处。已有同名嘉宾时会问是不是同一人：是，就给他加一条出处；不是，就用另一个 id 新建，并注明两人不同。',
		flags: {
			name: { type: 'string', help: '中文姓名（外籍人士填报道所用译名）' },
			'original-name': { type: 'string', help: '外籍人士的原文姓名，如 Hugo Aerts' },
			article: { type: 'string', help: '出处文章 id（可以是草稿）' },
			'as-given': { type: 'string', help: '文中对其职务的原话，如“中国科学院院士，北京科学智能研究院院长”' },
			event: { type: 'string', help: '相关活动 id' },
			id: { type: 'string', help: '自定义 id；与同名嘉宾区分时用，如 zhang-qiang-tsinghua' },
		},
		examples: [
			'npm run new -- speaker --name 鄂维南 --article ai-for-science-summit-2023-observation --as-given 中国科学院院士',
			'npm run new -- speaker --name 张强 --id zhang-qiang-tsinghua --article … --as-given 清华大学教授',
		],
	},
	appearance: {
		usage: 'npm run new -- appearance --speaker <id> [参数]',
		summary: '给已有嘉宾加一条出处（又一篇报道提到了他）。',
		flags: {
			speaker: { type: 'string', help: '嘉宾 id（content/speakers/ 中的文件名）' },
			article: { type: 'string', help: '出处文章 id（可以是草稿）' },
			'as-given': { type: 'string', help: '文中对其职务的原话' },
			event: { type: 'string', help: '相关活动 id' },
		},
		examples: ['npm run new -- appearance --speaker e-weinan --article some-article --as-given 北京大学教授'],
	},
	site: {
		usage: 'npm run new -- site --title <网站名称> [参数]',
		summary: '换成一个全新的空网站：清空 content/ 和 seeds/，写入最基本的设置。',
		flags: {
			title: { type: 'string', help: '网站名称，如“某某论坛文库”' },
			tagline: { type: 'string', help: '一句话副标题' },
			description: { type: 'string', help: '网站简介' },
			yes: { type: 'boolean', default: false, help: '确认清空已有内容（不在终端中运行时必须加）' },
		},
	},
};
const OVERVIEW = [
	'用法：npm run new -- <类型> [参数]',
	'',
	...Object.entries(COMMANDS).map(([name, spec]) => `  ${name.padEnd(10)} ${spec.summary.split('。')[0]}。`),
	'',
	'每种类型的参数：npm run new -- <类型> --help。在终端中运行时，没给的参数会逐项询问。',
].join('\n');

function choiceList(options: Record<string, string>) {
	return Object.entries(options).map(([value, label]) => `${value}（${label}）`).join('、');
}

const [what, ...rest] = process.argv.slice(2);
if (!what || what === '--help' || what === '-h') {
	console.log(OVERVIEW);
	process.exit(what ? 0 : 2);
}
const spec = COMMANDS[what] ?? fail(`没有“${what}”这种类型。${hint(didYouMean(what, Object.keys(COMMANDS)))}\n\n${OVERVIEW}`);
const { values } = parseCommand(rest, spec);
const root = resolve(typeof values.root === 'string' ? values.root : process.cwd());
const interactive = Boolean(process.stdin.isTTY);
const flag = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

const ids = (folder: string, ext: string) => (existsSync(join(root, 'content', folder)) ? readdirSync(join(root, 'content', folder)).filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length)) : []);
const dateOk = (v: string | undefined) => (v && toPartialDate(v) ? undefined : '请写成 2024、2024-10 或 2024-10-22');
const required = (v: string | undefined) => (v?.trim() ? undefined : '不能为空');
const cancelled = (): never => fail('已取消，未写入任何文件。');

/** The flag's value, or an answer to a prompt, or (without a terminal) an error naming the flag. */
type Check = (v: string | undefined) => string | undefined;
async function ask(name: string, question: Omit<Parameters<typeof p.text>[0], 'validate'> & { validate?: Check; optional?: boolean }): Promise<string | undefined> {
	const given = flag(name);
	if (given !== undefined) {
		const wrong = question.validate?.(given);
		if (wrong) fail(`--${name}“${given}”：${typeof wrong === 'string' ? wrong : '不对'}。`);
		return given;
	}
	if (!interactive) {
		if (question.optional) return undefined;
		fail(`缺少 --${name}（${question.message}）：不在终端中运行时，请用参数提供。完整说明：${spec.usage.split(' [')[0]} --help`);
	}
	const answer = await p.text(question);
	if (p.isCancel(answer)) return cancelled();
	return answer || undefined;
}
/** An option by value or by its Chinese label (新闻 → news). */
async function choose(name: string, message: string, options: Record<string, string>): Promise<string> {
	const given = flag(name);
	if (given !== undefined) {
		const value = given in options ? given : Object.keys(options).find((k) => options[k] === given);
		return value ?? fail(`--${name}“${given}”不是可选值：可选 ${choiceList(options)}。`);
	}
	if (!interactive) fail(`缺少 --${name}（${message}，可选：${choiceList(options)}）。`);
	const answer = await p.select({ message, options: Object.entries(options).map(([value, label]) => ({ value, label: `${label}（${value}）` })) });
	if (p.isCancel(answer)) cancelled();
	return answer as string;
}
const idOk = (v: string | undefined) => (v === undefined || SLUG_PATTERN.test(v) ? undefined : '不能用作 id：只能使用小写字母、数字和单个连字符，如 zhang-qiang-tsinghua');
const id = () => ask('id', { message: 'id', optional: true, validate: idOk });

async function article(): Promise<NewFile> {
	const seeds = existsSync(join(root, 'seeds')) ? readdirSync(join(root, 'seeds')).filter((f) => f !== 'README.md' && !f.startsWith('.')) : [];
	const title = (await ask('title', { message: '标题', validate: required }))!;
	const kind = await choose('kind', '文章类型', ARTICLE_KINDS);
	const seed = flag('seed') ?? (interactive ? await choose('seed', '原始稿件（seeds/ 中的文件；没有的话先用 npm run import 导入）', Object.fromEntries(seeds.map((s) => [s, s]))) : fail('缺少 --seed（seeds/ 中的原始稿件文件名）。'));
	const outlet = await ask('outlet', { message: '媒体（可留空）', optional: true });
	const date = await ask('date', { message: '发表日期（可留空）', optional: true, validate: (v) => (v ? dateOk(v) : undefined) });
	const events = (await ask('events', { message: `相关活动 id，逗号分隔（可留空；现有：${ids('events', '.md').join('、')}）`, optional: true }))?.split(/[,，\s]+/).filter(Boolean);
	return newArticle({ id: await id(), title, kind, seed, outlet, date, events });
}

async function event(): Promise<NewFile> {
	const name = (await ask('name', { message: '活动全称', validate: required }))!;
	const shortName = (await ask('short-name', { message: '简称', validate: required }))!;
	const kind = await choose('kind', '活动类型', EVENT_KINDS);
	const start = (await ask('start', { message: '开始日期', validate: dateOk }))!;
	const end = await ask('end', { message: '结束日期（一天的活动可留空）', optional: true, validate: (v) => (v ? dateOk(v) : undefined) });
	return newEvent({ id: await id(), name, shortName, kind, start, end });
}

async function appearanceAnswers() {
	const article = (await ask('article', { message: `出处文章 id（可以是草稿；现有：${ids('articles', '.md').slice(0, 8).join('、')}…）`, validate: required }))!;
	const asGiven = (await ask('as-given', { message: '文中对其职务的原话，如“中国科学院院士，北京科学智能研究院院长”', validate: required }))!;
	const event = await ask('event', { message: '相关活动 id（可留空）', optional: true });
	return { article, asGiven, event };
}

/** A new person, or (for a namesake the editor says is the same person) one more appearance of theirs. */
async function speaker(): Promise<NewFile> {
	const name = (await ask('name', { message: '中文姓名（外籍人士填报道所用译名）', validate: required }))!;
	const originalName = await ask('original-name', { message: '原文姓名（外籍人士，如 Hugo Aerts；中国人留空）', optional: true });
	const chosenId = await id();
	const { records } = validateContent(root);
	const namesakes = findNamesakes(records, name, originalName).filter((s) => s.id !== chosenId);
	const answers = await appearanceAnswers();
	const distinctFrom = namesakes.map((s) => s.id);
	// An id of the editor's own next to a namesake: they are telling two people apart.
	if (chosenId || namesakes.length === 0) return told(newSpeaker({ id: chosenId, name, originalName, ...answers, distinctFrom }), namesakes);
	const suggested = distinctId(records, namesakes[0]!.id, answers.asGiven);
	const who = namesakes.map((s) => `${s.id}（${s.name}，${s.appearances.at(-1)!.asGiven}）`).join('、');
	if (!interactive) {
		fail(
			[
				`已有同名嘉宾：${who}。`,
				`· 若是同一人：npm run new -- appearance --speaker ${namesakes[0]!.id} --article ${answers.article} --as-given "${answers.asGiven}"`,
				`· 若是另一人：加上 --id ${suggested}（建议，用机构区分）再运行一次；新文件会写上 distinctFrom: [${distinctFrom.join(', ')}]，表明两人不同。`,
			].join('\n'),
		);
	}
	const same = await p.select({
		message: `已有同名嘉宾：${who}。是同一个人吗？`,
		options: [
			...namesakes.map((s) => ({ value: s.id, label: `是 ${s.id}：给他加一条出处` })),
			{ value: '', label: `不是：另建一位嘉宾（id ${suggested}，可修改）` },
		],
	});
	if (p.isCancel(same)) cancelled();
	if (same) return appearanceOf(same as string, answers);
	const newId = await p.text({ message: '新嘉宾的 id', initialValue: suggested, validate: (v) => idOk(v ?? '') });
	if (p.isCancel(newId)) cancelled();
	return told(newSpeaker({ id: newId as string, name, originalName, ...answers, distinctFrom }), namesakes);
}
const told = (file: NewFile, namesakes: { id: string }[]): NewFile =>
	namesakes.length === 0 ? file : { ...file, notice: `已注明与同名嘉宾 ${namesakes.map((s) => s.id).join('、')} 不是同一人（distinctFrom）；两人的页面和列表会在姓名后注明机构以示区分，也可在 disambiguation 里自己写。` };

/** The speaker's file with one more appearance. */
function appearanceOf(speakerId: string, answers: Awaited<ReturnType<typeof appearanceAnswers>>): NewFile {
	const path = `content/speakers/${speakerId}.yaml`;
	if (!existsSync(join(root, path))) fail(`没有嘉宾“${speakerId}”（${path}）。${hint(didYouMean(speakerId, ids('speakers', '.yaml')))}`);
	return { path, id: speakerId, text: withAppearance(readFileSync(join(root, path), 'utf8'), answers), replaces: true };
}

async function appearance(): Promise<NewFile> {
	const speakerId = (await ask('speaker', { message: '嘉宾 id', validate: required }))!;
	return appearanceOf(speakerId, await appearanceAnswers());
}

/** Replaces content/ and seeds/ with an empty site of the editor's own: for adopting the generator. */
async function newSite() {
	if (interactive) p.intro('新建网站：清空 content/ 和 seeds/，换成你自己的会议');
	const title = (await ask('title', { message: '网站名称，如“某某论坛文库”', validate: required }))!;
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
const LABELS: Record<string, string> = { article: '文章', event: '活动', speaker: '嘉宾', appearance: '出处' };
if (interactive) p.intro(`新建${LABELS[what]}`);
const file = await ({ article, event, speaker, appearance } as Record<string, () => Promise<NewFile>>)[what]!();
const target = join(root, file.path);
const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
if (before !== undefined && !file.replaces) fail(`${file.path} 已存在，未覆盖：若是另一条目，请用 --id 另取一个 id；若是同一条目，请直接编辑该文件${what === 'speaker' ? '，或用 npm run new -- appearance 加一条出处' : ''}。`);
writeFileSync(target, file.text);
// What was written must validate; if it does not, take it back and say why.
const problems = validateContent(root).problems.filter((x) => x.file === file.path && x.severity === 'error');
if (problems.length > 0) {
	if (before === undefined) rmSync(target);
	else writeFileSync(target, before);
	fail(`未写入 ${file.path}，因为：\n${problems.map(formatProblem).join('\n')}`);
}
const done = file.replaces
	? `已在 ${file.path} 末尾加了一条出处。`
	: `已创建 ${file.path}（id：${file.id}）${what === 'article' ? '。写好正文后删除 draft: true 即可发布。' : '。'}${file.notice ?? ''}`;
if (interactive) p.outro(done);
else console.log(done);
