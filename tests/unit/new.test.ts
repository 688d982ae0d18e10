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
		expect(errorsIn('content/events/quan-qiu-ke-xue-zhi-neng-2025.md')).toEqual([]);
		const r = run('article', '--title', '峰会侧记', '--kind', 'recap', '--seed', '004_9f60c6357115246a.txt', '--date', '2025-08', '--events', 'quan-qiu-ke-xue-zhi-neng-2025');
		expect(r.stdout).toContain('已创建 content/articles/feng-hui-ce-ji.md');
		expect(readFileSync(join(dir, 'content/articles/feng-hui-ce-ji.md'), 'utf8')).toContain('draft: true');
		expect(errorsIn('content/articles/feng-hui-ce-ji.md')).toEqual([]);
	});
	test('never overwrites', () => {
		const r = run('speaker', '--name', '鄂维南', '--article', 'ai-for-science-summit-2023-observation', '--as-given', 'x');
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('content/speakers/e-weinan.yaml 已存在，未覆盖');
	});
	test('a file that would not validate is not written, and the reason is given', () => {
		const r = run('article', '--title', '另一篇', '--kind', 'news', '--seed', 'no-such-seed.txt');
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('seeds/ 中没有文件“no-such-seed.txt”');
		expect(existsSync(join(dir, 'content/articles/ling-yi-pian.md'))).toBe(false);
	});
	test('without a terminal, a missing essential is named with its flag', () => {
		const r = run('event', '--name', '某论坛');
		expect(r.status).toBe(1);
		expect(r.stderr.trim()).toBe('缺少 --short-name（简称）：不在终端中运行时，请用参数提供。');
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
