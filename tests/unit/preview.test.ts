import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { changedPages } from '../../src/preview/changed-pages';
import { loadRecords } from '../support/content';
import { root } from '../support/dist';
import { SITES } from '../support/sites';

const records = loadRecords();

test('the pages a pull request changes: entries by their routes, lists by their index, drafts and deletions said', () => {
	const draft = { ...records.articles[0]!, id: 'a-draft', draft: true };
	const pages = changedPages(
		[
			{ status: 'A', path: 'content/events/ai-for-science-summit-2023.md' },
			{ status: 'M', path: 'content/speakers/e-weinan.yaml' },
			{ status: 'A', path: 'content/articles/a-draft.md' },
			{ status: 'D', path: 'content/articles/gone.md' },
			{ status: 'A', path: 'content/articles/broken.md' },
			{ status: 'M', path: 'content/organizations.yaml' },
			{ status: 'M', path: 'seeds/x.txt' },
		],
		{ ...records, articles: [...records.articles, draft] },
		'/conf-archive/',
	);
	expect(pages).toEqual([
		{ label: '活动《2023全球科学智能峰会》', url: '/conf-archive/events/ai-for-science-summit-2023/' },
		{ label: '嘉宾《鄂维南》', url: '/conf-archive/speakers/e-weinan/' },
		{ label: `文章《${draft.title}》`, note: '草稿，不发布' },
		{ label: '文章“gone”', note: '已删除' },
		{ label: '文章“broken”', note: '未通过校验，没有页面（见“检查”的标注）' },
		{ label: '机构列表（content/organizations.yaml）', url: '/conf-archive/organizations/' },
	]);
});

test('npm run preview:pages lists a branch’s changes against main as links into the preview', () => {
	const repo = mkdtempSync(join(tmpdir(), 'huiji-preview-'));
	const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8' });
	try {
		for (const d of ['content', 'seeds', 'public']) cpSync(join(SITES.second.root, d), join(repo, d), { recursive: true });
		git('init', '-q', '-b', 'main');
		git('add', '-A');
		git('commit', '-qm', 'init');
		git('checkout', '-qb', 'pr');
		const article = join(repo, 'content/articles/lakeside-forum-2022-news.md');
		writeFileSync(article, readFileSync(article, 'utf8').replace('title: 第四届湖畔论坛举行', 'title: 第四届湖畔论坛隆重举行'));
		unlinkSync(join(repo, 'content/speakers/john-hennessy.yaml'));
		git('commit', '-qam', 'edit');
		const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/preview-pages.ts'), '--root', repo, '--since', 'main', '--site', 'http://localhost:3000/'], { encoding: 'utf8' });
		expect(r.stdout.trim().split('\n')).toEqual([
			'- [文章《第四届湖畔论坛隆重举行》](http://localhost:3000/articles/lakeside-forum-2022-news/)',
			'- 嘉宾“john-hennessy”：已删除',
		]);
	} finally {
		rmSync(repo, { recursive: true, force: true });
	}
});

test('the preview workflows: the PR’s build runs without write access; the comment runs none of the PR’s code', () => {
	const preview = parse(readFileSync(join(root, '.github/workflows/preview.yml'), 'utf8'));
	const comment = parse(readFileSync(join(root, '.github/workflows/preview-comment.yml'), 'utf8'));
	const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
	expect(Object.keys(preview.on)).toEqual(['pull_request']);
	expect(preview.permissions).toEqual({ contents: 'read' });
	const steps = preview.jobs.preview.steps as { run?: string; uses?: string; with?: { name?: string } }[];
	for (const script of steps.flatMap((s) => [...(s.run ?? '').matchAll(/npm run (?:--silent )?([\w:]+)/g)].map((m) => m[1]!))) expect(scripts).toHaveProperty(script);
	const uploaded = steps.filter((s) => s.uses?.startsWith('actions/upload-artifact')).map((s) => s.with!.name);
	expect(uploaded).toEqual(['site-preview', 'preview-comment']);

	expect(comment.on.workflow_run.workflows).toEqual([preview.name]);
	expect(comment.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
	const commentSteps = comment.jobs.comment.steps as { uses?: string; with?: { name?: string; script?: string } }[];
	expect(commentSteps.some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false);
	expect(commentSteps.find((s) => s.uses?.startsWith('actions/download-artifact'))!.with!.name).toBe('preview-comment');
	expect(commentSteps.at(-1)!.with!.script).toContain("a.name === 'site-preview'");
});
