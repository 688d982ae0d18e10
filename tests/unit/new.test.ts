import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateContent } from '../../src/validate/validate';
import { root } from '../support/dist';
import { SITES } from '../support/sites';

const fixture = SITES.proceedings.root;

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'huiji-new-'));
	for (const d of ['content', 'seeds']) cpSync(join(fixture, d), join(dir, d), { recursive: true });
	cpSync(join(root, 'public'), join(dir, 'public'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// stdin is not a terminal here, so the command must take everything from flags.
const run = (...args: string[]) =>
	spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/new.ts'), ...args, '--root', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const errorsIn = (file: string) => validateContent(dir).problems.filter((p) => p.file === file && p.severity === 'error');

describe('npm run new', () => {
	test('speaker: the id comes from pinyin and the file validates', () => {
		const r = run('speaker', '--name', '王小明', '--article', 'ai-for-science-summit-2023-observation', '--as-given', '某大学教授', '--event', 'ai-for-science-summit-2023');
		expect(r.stdout.trim()).toBe('已创建 content/speakers/wang-xiaoming.yaml（id：wang-xiaoming）。');
		expect(errorsIn('content/speakers/wang-xiaoming.yaml')).toEqual([]);
	});
	test('speaker: a foreign person’s id comes from the original name', () => {
		const r = run('speaker', '--name', '约翰•史密斯', '--original-name', 'John Smith', '--article', 'ai-for-science-summit-2023-observation', '--as-given', '教授');
		expect(r.status).toBe(0);
		expect(readFileSync(join(dir, 'content/speakers/john-smith.yaml'), 'utf8')).toContain('originalName: John Smith');
	});
	test('event and article files validate; a new article is a draft', () => {
		expect(run('event', '--name', '2025全球科学智能峰会', '--short-name', '全球科学智能峰会', '--kind', 'summit', '--start', '2025-08-10', '--end', '2025-08-11').status).toBe(0);
		expect(errorsIn('content/events/quanqiu-kexue-zhineng-fenghui-2025.md')).toEqual([]);
		const r = run('article', '--title', '峰会侧记', '--kind', 'recap', '--seed', '004_9f60c6357115246a.txt', '--date', '2025-08', '--events', 'quanqiu-kexue-zhineng-fenghui-2025');
		expect(r.stdout).toContain('已创建 content/articles/fenghui-ceji.md');
		expect(readFileSync(join(dir, 'content/articles/fenghui-ceji.md'), 'utf8')).toContain('draft: true');
		expect(errorsIn('content/articles/fenghui-ceji.md')).toEqual([]);
	});
	test('never overwrites', () => {
		const r = run('speaker', '--name', '鄂维南', '--id', 'e-weinan', '--article', 'ai-for-science-summit-2023-observation', '--as-given', 'x');
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('content/speakers/e-weinan.yaml 已存在，未覆盖');
	});
	test('a file that would not validate is not written, and the reason is given', () => {
		const r = run('article', '--title', '另一篇', '--kind', 'news', '--seed', 'no-such-seed.txt');
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('seeds/ 中没有文件“no-such-seed.txt”');
		expect(existsSync(join(dir, 'content/articles/lingyi-pian.md'))).toBe(false);
	});
	test('without a terminal, a missing essential is named with its flag', () => {
		const r = run('event', '--name', '某论坛');
		expect(r.status).toBe(1);
		expect(r.stderr.trim()).toBe('缺少 --short-name（简称）：不在终端中运行时，请用参数提供。完整说明：npm run new -- event --help');
	});
	test('ids are whole words of the title, never cut inside one; --id sets one; an option may be given by its Chinese label', () => {
		const r = run('article', '--title', '快讯｜2021世界计算大会开幕', '--kind', '新闻', '--seed', '004_9f60c6357115246a.txt');
		expect(r.stdout).toContain('已创建 content/articles/kuaixun-2021-shijie-jisuan-dahui-kaimu.md');
		expect(readFileSync(join(dir, 'content/articles/kuaixun-2021-shijie-jisuan-dahui-kaimu.md'), 'utf8')).toContain('kind: news');
		expect(run('article', '--title', '另一篇快讯', '--kind', 'news', '--seed', '004_9f60c6357115246a.txt', '--id', 'wcc-2021-opening').stdout).toContain('content/articles/wcc-2021-opening.md');
		const bad = run('event', '--name', '某论坛', '--short-name', '某论坛', '--kind', 'forum', '--start', '2025', '--id', 'Mou_Luntan');
		expect(bad.status).toBe(1);
		expect(bad.stderr.trim()).toBe('--id“Mou_Luntan”：不能用作 id：只能使用小写字母、数字和单个连字符，如 zhang-qiang-tsinghua。');
	});
	test('a namesake: without a terminal, both ways on are spelt out with a suggested id', () => {
		const r = run('speaker', '--name', '张强', '--article', 'ai-for-science-summit-2023-observation', '--as-given', '北京大学教授');
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('已有同名嘉宾：zhang-qiang（张强，');
		expect(r.stderr).toContain('若是同一人：npm run new -- appearance --speaker zhang-qiang --article ai-for-science-summit-2023-observation --as-given "北京大学教授"');
		expect(r.stderr).toContain('若是另一人：加上 --id zhang-qiang-pku');
	});
	test('a namesake with an id of its own is written as a different person, and no warning is left', () => {
		const r = run('speaker', '--name', '张强', '--id', 'zhang-qiang-pku', '--article', 'ai-for-science-summit-2023-observation', '--as-given', '北京大学教授');
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('已注明与同名嘉宾 zhang-qiang 不是同一人（distinctFrom）');
		expect(validateContent(dir).problems.filter((p) => p.file.includes('zhang-qiang'))).toEqual([]);
	});
	test('appearance: one more source for an existing person, the file’s other lines kept', () => {
		const file = join(dir, 'content/speakers/e-weinan.yaml');
		const before = readFileSync(file, 'utf8');
		const r = run('appearance', '--speaker', 'e-weinan', '--article', 'zhejiang-5g-applications', '--as-given', '北京大学教授');
		expect(r.stdout.trim()).toBe('已在 content/speakers/e-weinan.yaml 末尾加了一条出处。');
		expect(readFileSync(file, 'utf8')).toBe(`${before}  - article: zhejiang-5g-applications\n    asGiven: 北京大学教授\n`);
		const wrong = run('appearance', '--speaker', 'e-weinan', '--article', 'no-such-article', '--as-given', 'x');
		expect(wrong.stderr).toContain('找不到文章“no-such-article”');
		expect(readFileSync(file, 'utf8')).toBe(`${before}  - article: zhejiang-5g-applications\n    asGiven: 北京大学教授\n`);
		expect(run('appearance', '--speaker', 'e-weinn', '--article', 'x', '--as-given', 'x').stderr.trim()).toBe('没有嘉宾“e-weinn”（content/speakers/e-weinn.yaml）。是否想写“e-weinan”？');
	});
});

describe('--help and mistyped flags', () => {
	const cli = (file: string, ...args: string[]) => spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, file), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	test.each([
		['src/cli/new.ts', '--help', '用法：npm run new -- <类型>'],
		['src/cli/new.ts', 'speaker --help', '用法：npm run new -- speaker'],
		['src/cli/new.ts', 'appearance -h', '--speaker <值>'],
		['src/cli/import.ts', '--help', '用法：npm run import --'],
		['src/validate/cli.ts', '--help', '用法：npm run validate'],
	])('%s %s', (file, args, expected) => {
		const r = cli(file, ...args.split(' '));
		expect(r.status).toBe(0);
		expect(r.stdout).toContain(expected);
		expect(r.stderr).toBe('');
	});
	test('an unknown flag or kind: the closest one, in Chinese, no stack trace', () => {
		const flag = cli('src/cli/new.ts', 'speaker', '--nmae', '张强');
		expect([flag.status, flag.stderr.trim()]).toEqual([2, '没有参数“--nmae”。是否想写“--name”？\n用法：npm run new -- speaker [参数]（完整说明：加 --help）']);
		const kind = cli('src/cli/new.ts', 'speakr');
		expect(kind.stderr).toContain('没有“speakr”这种类型。是否想写“speaker”？');
		expect(cli('src/cli/import.ts', '--idd', 'x').stderr).toContain('是否想写“--id”？');
		expect(cli('src/validate/cli.ts', '--formt', 'github').stderr).toContain('是否想写“--format”？');
	});
});

describe('npm run new -- site', () => {
	let site: string;
	beforeAll(() => {
		site = mkdtempSync(join(tmpdir(), 'huiji-new-site-'));
		for (const d of ['content', 'seeds']) cpSync(join(fixture, d), join(site, d), { recursive: true });
	});
	afterAll(() => rmSync(site, { recursive: true, force: true }));
	const runIn = (...args: string[]) =>
		spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/new.ts'), 'site', ...args, '--root', site], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

	test('without --yes and without a terminal, existing content is left alone and the flag is named', () => {
		const r = runIn('--title', '湖畔论坛文库');
		expect(r.status).toBe(1);
		expect(r.stderr.trim()).toBe('content 和 seeds 中已有内容，会被全部删除：确认要换成新网站，请加 --yes。');
		expect(existsSync(join(site, 'content/articles/ai-reshapes-tumour-care.md'))).toBe(true);
	});
	test('with --yes: an empty site of its own title, which validates clean', () => {
		const r = runIn('--title', '湖畔论坛文库', '--tagline', '历届湖畔论坛实录', '--yes');
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('已新建网站“湖畔论坛文库”');
		const { problems, records } = validateContent(site);
		expect(problems).toEqual([]);
		expect(records.settings).toMatchObject({ title: '湖畔论坛文库', tagline: '历届湖畔论坛实录' });
		expect([records.events, records.speakers, records.articles, records.series, records.organizations, records.topics].every((l) => l.length === 0)).toBe(true);
		expect(existsSync(join(site, 'seeds/README.md'))).toBe(true);
	});
});
