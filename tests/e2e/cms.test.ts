import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { validateContent } from '../../src/validate/validate';
import { openSite, type Session } from '../support/browser';
import { root } from '../support/dist';
import { buildSite, fixtureSite } from '../support/sites';

// The web editor at /admin/ (Decap CMS, its form generated from the schemas), used as an editor
// would, against a clone of the second fixture site served by decap-server in its git mode: each
// entry saved is its own branch, as on GitHub each is its own pull request.
const PORT = 8081; // where the generated config's local_backend looks for decap-server
const fixture = fixtureSite('second');
let repo: string;
let server: ChildProcess;
let s: Session;
const dialogs: string[] = [];
/** The CMS's branches (decap-server checks them out while it works: never ask for the current one). */
const cmsBranches = () => git('for-each-ref', '--format=%(refname:short)', 'refs/heads/cms').trim();
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=编辑', '-c', 'user.email=editor@example.org', ...args], { cwd: repo, encoding: 'utf8' });

beforeAll(async () => {
	repo = mkdtempSync(join(tmpdir(), 'huiji-cms-'));
	for (const d of ['content', 'seeds', 'public']) cpSync(join(fixture.root, d), join(repo, d), { recursive: true });
	// The report the new article comes from, already in seeds/ (uploaded as CONTRIBUTING.md says).
	writeFileSync(join(repo, 'seeds/lakeside-2024.txt'), '第六届湖畔论坛10月12日举行。\n\n湖畔研究院院长万重山和湖畔大学教授欧阳明出席。\n');
	git('init', '-q', '-b', 'main');
	git('add', '-A');
	git('commit', '-qm', '初始内容');
	server = spawn(join(root, 'node_modules/.bin/decap-server'), [], { env: { ...process.env, MODE: 'git', GIT_REPO_DIRECTORY: repo, PORT: String(PORT), LOG_LEVEL: 'warn' }, stdio: 'inherit' });
	await waitForServer(`http://localhost:${PORT}/api/v1`);
	s = await openSite(fixture.dist, '/conf-archive/', { allow: [`http://localhost:${PORT}`] });
	s.page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.accept(); // "publish this entry?"
	});
}, 60_000);
afterAll(async () => {
	await s?.close();
	server?.kill();
	if (repo) rmSync(repo, { recursive: true, force: true });
});

async function waitForServer(url: string) {
	for (let i = 0; i < 100; i++) {
		try {
			await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error(`decap-server did not start on ${url}`);
}

/** Picks an option of a select or relation widget by typing part of it. */
async function choose(label: string, typed: string, option: RegExp | string, nth = 0) {
	// An optional field's label reads “方式 (可选)”.
	const input = s.page.getByLabel(new RegExp(`^${label}( \\(可选\\))?$`)).nth(nth);
	await input.fill(typed);
	await s.page.getByRole('option', { name: option }).first().click();
}

test('an editor creates an event, publishes it, then writes an article with two speakers: each its own branch, files that validate and build', async () => {
	const { page } = s;
	await page.goto(`${s.base}/admin/`);
	await page.getByRole('button', { name: '登录' }).click();
	await page.getByRole('link', { name: '活动' }).first().waitFor();

	// An event, from the generated form: labels, Chinese option labels, a list with a relation.
	await page.goto(`${s.base}/admin/#/collections/events/new`);
	await page.getByLabel('id（文件名）').fill('lakeside-forum-2024');
	await page.getByLabel('活动全称').fill('第六届湖畔论坛');
	await page.getByLabel('简称').fill('2024湖畔论坛');
	await choose('类型', '论坛', '论坛（forum）');
	await page.getByLabel('开始日期').fill('2024-10-12');
	await page.getByRole('button', { name: /新增议程/ }).click();
	await choose('身份', '主旨', '主旨报告（keynote）');
	await choose('嘉宾 id 列表', '万重山', /万重山 wan-chongshan$/);
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await page.getByText('内容已保存').waitFor();
	expect(cmsBranches()).toBe('cms/events/lakeside-forum-2024');
	// Reviewed and published: the entry's branch is merged, as its pull request would be. Each step waits
	// for the one before to be saved (on a busy machine a click can land while the status is updating).
	await page.getByRole('button', { name: /状态/ }).click();
	await page.getByText('就绪', { exact: true }).click();
	await page.getByText('状态: 就绪', { exact: true }).waitFor();
	await page.getByRole('button', { name: '发布', exact: true }).click();
	await page.getByText('立即发布', { exact: true }).click();
	await expect.poll(() => cmsBranches(), { timeout: 30_000, message: `dialogs: ${dialogs.join(' | ')}` }).toBe('');
	expect(git('show', 'main:content/events/lakeside-forum-2024.md')).toContain('name: 第六届湖畔论坛');

	// An article quoting two people; its event is the one just published. (A fresh load: Decap keeps
	// the open entry's state across a change of the URL's hash alone.)
	await page.goto('about:blank');
	await page.goto(`${s.base}/admin/#/collections/articles/new`);
	await page.getByLabel('id（文件名）').fill('lakeside-forum-2024-news');
	await page.getByLabel('标题').fill('第六届湖畔论坛举行');
	await choose('类型', '新闻', '新闻（news）');
	// The outlet's text box (the medium beside it is a select).
	await page.getByRole('textbox', { name: /^媒体/ }).fill('湖畔通讯');
	await page.getByLabel('发表日期').fill('2024-10-12');
	await page.getByLabel('原始稿件在 seeds/ 中的文件名').fill('lakeside-2024.txt');
	await choose('报道的活动 id', '第六届', /第六届湖畔论坛 lakeside-forum-2024/);
	for (const [i, [typed, option]] of [['万重山', /万重山 wan-chongshan$/], ['欧阳', /欧阳明 ouyang-ming/]].entries()) {
		await page.getByRole('button', { name: /新增文中引述或采访的人/ }).click();
		await choose('嘉宾 id', typed as string, option as RegExp, i);
		await choose('方式', '引述', '引述（quoted）', i);
	}
	const body = page.locator('[data-slate-editor="true"]');
	await body.click();
	await page.keyboard.type('第六届湖畔论坛10月12日举行。');
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await page.getByText('内容已保存').waitFor();

	// One branch for the one entry (one pull request), changing only its file.
	await page.goto('about:blank'); // the CMS stops asking the server; the clone is the test's again
	expect(cmsBranches()).toBe('cms/articles/lakeside-forum-2024-news');
	expect(git('diff', '--name-only', 'main', 'cms/articles/lakeside-forum-2024-news').trim()).toBe('content/articles/lakeside-forum-2024-news.md');
	// decap-server checks branches out while it saves: on a busy machine it may still be on the entry's
	// (a CI run merged into that branch, and main never got the file). Merge once it is back on main.
	await expect.poll(() => git('rev-parse', '--abbrev-ref', 'HEAD').trim(), { timeout: 30_000 }).toBe('main');
	git('merge', '-q', '--no-edit', 'cms/articles/lakeside-forum-2024-news');

	const article = readFileSync(join(repo, 'content/articles/lakeside-forum-2024-news.md'), 'utf8');
	expect(article).toContain('第六届湖畔论坛10月12日举行。');
	expect(validateContent(repo).problems).toEqual([]);

	const out = mkdtempSync(join(tmpdir(), 'huiji-cms-build-'));
	try {
		const build = buildSite(repo, out, 'https://lakeside.example.org/conf-archive/');
		expect(build.status, build.output).toBe(0);
		const page = (p: string) => readFileSync(join(out, 'dist', p, 'index.html'), 'utf8');
		expect(page('events/lakeside-forum-2024')).toContain('第六届湖畔论坛');
		const news = page('articles/lakeside-forum-2024-news');
		expect(news).toContain('/conf-archive/speakers/wan-chongshan/');
		expect(news).toContain('/conf-archive/speakers/ouyang-ming/');
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
	expect(s.consoleProblems.filter((p) => !/Failed to load resource|was not yaml/.test(p))).toEqual([]);
}, 180_000);
