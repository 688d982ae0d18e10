import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copyContent, replaceIn } from '../support/content-copy';
import { root } from '../support/dist';
import { SITES } from '../support/sites';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(dir: string, args: string[] = [], env: Record<string, string> = {}) {
	const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/validate/cli.ts'), '--root', dir, ...args], {
		encoding: 'utf8',
		env: { ...process.env, ...env },
	});
	return { status: r.status, out: r.stdout, err: r.stderr };
}

test('valid content: a one-line summary and exit status 0', () => {
	const r = run(SITES.second.root);
	expect(r.status).toBe(0);
	expect(r.out.trim()).toMatch(/^内容校验通过：\d+ 个文件，没有发现问题。$/);
});

test('warnings only: each located, a summary, exit status 0 (a pull request with warnings passes)', () => {
	// The proceedings fixture's images are still on the outlets' servers.
	const r = run(SITES.proceedings.root);
	expect(r.status).toBe(0);
	const lines = r.out.trim().split('\n');
	expect(lines.at(-1)).toMatch(/^内容校验：\d+ 个文件中发现 0 个错误、[1-9]\d* 个警告。/);
	for (const line of lines.slice(0, -1)) expect(line).toMatch(/^content\/articles\/[a-z0-9-]+\.md:\d+:1  警告  图片“https:.*\[remote-image\]$/);
});

test('errors: one located line each, a summary, exit status 1', () => {
	const dir = copyContent();
	dirs.push(dir);
	replaceIn(dir, 'content/articles/zhejiang-5g-applications.md', 'speaker: xin-wei,', 'speaker: xin-wie,');
	const r = run(dir);
	expect(r.status).toBe(1);
	expect(r.out.trim().split('\n').filter((l) => !l.endsWith('[remote-image]'))).toEqual([
		'content/articles/zhejiang-5g-applications.md:15:16  错误  people[1].speaker  找不到嘉宾“xin-wie”：请检查拼写，或在 content/speakers/xin-wie.yaml 中添加该嘉宾。是否想写“xin-wei”？  [unknown-reference]',
		expect.stringMatching(/^内容校验：\d+ 个文件中发现 1 个错误、\d+ 个警告。/),
	]);
});

test('--format github: at most 10 annotations per kind, the full list in the step summary', () => {
	const dir = copyContent();
	dirs.push(dir);
	const speakers = ['tang-chao', 'wang-jian', 'huang-tiejun', 'zhang-linfeng', 'zhang-qiang', 'zhao-xushan', 'zhu-weiliang', 'ma-jian', 'e-weinan', 'lin-yuan', 'miao-hui', 'xin-wei'];
	for (const s of speakers) replaceIn(dir, `content/speakers/${s}.yaml`, /^name: /m, 'nmae: ');
	const summaryFile = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
	writeFileSync(summaryFile, '');
	const r = run(dir, ['--format', 'github'], { GITHUB_STEP_SUMMARY: summaryFile });
	expect(r.status).toBe(1);
	const annotations = r.out.split('\n').filter((l) => l.startsWith('::error'));
	expect(annotations).toHaveLength(10);
	expect(annotations[0]).toMatchInlineSnapshot(`"::error file=content/speakers/e-weinan.yaml,line=1,col=1,title=missing-field::name：缺少必填字段“name”：请补上。"`);
	const summary = readFileSync(summaryFile, 'utf8');
	expect(summary.split('\n').filter((l) => l.startsWith('| ❌'))).toHaveLength(24);
	expect(summary).toContain('`content/speakers/xin-wei.yaml:1:1`');
});

test('--format github: a value with a line break cannot plant a workflow command; the plain list is fenced off from the runner', () => {
	const dir = copyContent();
	dirs.push(dir);
	const forged = '::error file=package.json,line=1,title=Maintainer approved::LGTM';
	replaceIn(dir, 'content/articles/zhejiang-5g-applications.md', /^kind: .*$/m, `kind: "news2\\n${forged}"`);
	const r = run(dir, ['--format', 'github']);
	expect(r.status).toBe(1);
	const lines = r.out.split('\n');
	// GitHub reads commands only at the start of a line, and none between stop-commands and its token.
	const fence = lines.findIndex((l) => l.startsWith('::stop-commands::'));
	const token = lines[fence]!.slice('::stop-commands::'.length);
	expect(token).toMatch(/^[0-9a-f-]{36}$/);
	const commands = lines.filter((l, i) => l.startsWith('::') && (i < fence || i > lines.indexOf(`::${token}::`)));
	expect(commands.filter((l) => l.startsWith('::error'))).toEqual([expect.stringContaining('file=content/articles/zhejiang-5g-applications.md')]);
	// In the plain list, the value is shown with its line break escaped, on the problem's own line.
	expect(lines.find((l) => l.includes('[invalid-option]'))).toContain('news2\\n::error');
});

test('an unknown format is refused', () => {
	const r = run(root, ['--format', 'json']);
	expect(r.status).toBe(2);
	expect(r.err).toContain('未知的 --format“json”');
});
