import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { replaceIn as edit } from '../support/content-copy';
import { build, copyProject } from '../support/fixture-site';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const project = () => {
	const dir = copyProject();
	dirs.push(dir);
	return dir;
};

test('bad content fails the build with the validator’s located messages, and nothing is published', () => {
	const dir = project();
	edit(dir, 'content/articles/zhejiang-5g-applications.md', 'speaker: xin-wei,', 'speaker: xin-wie,');
	edit(dir, 'content/events/ai-for-science-summit-2023.md', 'speakers: [e-weinan]', 'speakers: [鄂维南]');
	edit(dir, 'content/speakers/ma-jian.yaml', 'name: 马健', 'name：马健');
	const { status, output } = build(dir);
	expect(status).not.toBe(0);
	expect(output).toContain('内容校验：');
	expect(output).toContain('发现 3 个错误');
	expect(output).toContain('content/articles/zhejiang-5g-applications.md:15:16  错误  people[1].speaker  找不到嘉宾“xin-wie”');
	expect(output).toContain('content/events/ai-for-science-summit-2023.md:19:16  错误  agenda[0].speakers[0]  “鄂维南”是名称，这里要填 id：请改为“e-weinan”。');
	expect(output).toContain('content/speakers/ma-jian.yaml:1:5  错误  字段名“name”后面用了全角冒号');
	expect(existsSync(join(dir, 'dist'))).toBe(false);
});

test('hostile files fail the build by name, each with the validator’s message, not a parser’s stack trace', () => {
	const dir = project();
	edit(dir, 'content/speakers/ma-jian.yaml', 'name: 马健', 'name: !custom 马健');
	edit(dir, 'content/speakers/tang-chao.yaml', 'name: 汤超', 'name: 汤\u0000超');
	edit(dir, 'content/articles/zhejiang-5g-applications.md', '## 智能工厂增效', `${'<div>'.repeat(20_000)}深${'</div>'.repeat(20_000)}\n\n## 智能工厂增效`);
	edit(dir, 'content/events/ai-for-science-summit-2023.md', 'start: 2023-08-10', 'start: 2023-02-30');
	mkdirSync(join(dir, 'content/articles/folder.md'));
	const { status, output } = build(dir);
	expect(status).not.toBe(0);
	expect(output).toContain('发现 5 个错误');
	for (const [file, code] of [
		['content/speakers/ma-jian.yaml:1:15', 'yaml-tag'],
		['content/speakers/tang-chao.yaml:1:8', 'control-character'],
		['content/articles/zhejiang-5g-applications.md:23:1', 'too-deep'],
		['content/events/ai-for-science-summit-2023.md:8:8', 'invalid-date'],
		['content/articles/folder.md', 'not-a-file'],
	]) expect(output).toMatch(new RegExp(`${file.replace(/\./g, '\\.')}  错误  .*\\[${code}\\]`));
	expect(output).not.toMatch(/RangeError|Maximum call stack|YAMLException|EISDIR/);
	expect(existsSync(join(dir, 'dist'))).toBe(false);
});

test('every non-draft file is published: CRLF line endings build, drafts do not', () => {
	const countFiles = (folder: string, ext: string) => readdirSync(join(dir, 'content', folder)).filter((f) => f.endsWith(ext)).length;
	const countPages = (folder: string) => readdirSync(join(dir, 'dist', folder), { withFileTypes: true }).filter((e) => e.isDirectory()).length;
	const dir = project();
	edit(dir, "content/articles/tencent-cloud-tpc-ds.md", /\n/g, '\r\n');
	edit(dir, 'content/articles/5g-ai-crested-ibis.md', 'kind: news', 'kind: news\ndraft: true');
	const { status, output } = build(dir);
	expect(status, output).toBe(0);
	const files = readdirSync(join(dir, 'content/articles')).filter((f) => f.endsWith('.md'));
	const drafts = files.filter((f) => /^draft: true$/m.test(readFileSync(join(dir, 'content/articles', f), 'utf8')));
	// An article's page is a folder with its index.html (articles/year/ holds the list's pages by year).
	const pages = readdirSync(join(dir, 'dist/articles'), { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(dir, 'dist/articles', e.name, 'index.html'))).map((e) => e.name);
	expect(drafts).toEqual(['5g-ai-crested-ibis.md']);
	expect(pages.sort()).toEqual(files.filter((f) => !drafts.includes(f)).map((f) => f.slice(0, -3)).sort());
	expect(readFileSync(join(dir, 'dist/articles/tencent-cloud-tpc-ds/index.html'), 'utf8')).toContain('腾讯云数据库TDSQL大幅刷新此前纪录');
	expect(output).toContain('[crlf]');
	expect(countPages('events')).toBe(countFiles('events', '.md'));
	expect(countPages('speakers')).toBe(countFiles('speakers', '.yaml'));
});
