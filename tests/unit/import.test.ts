import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { importArticle } from '../../src/import/import-article';
import { validateContent } from '../../src/validate/validate';
import { normalise, sentences } from '../support/chinese-text';
import { root } from '../support/dist';
import { SITES } from '../support/sites';

const fixture = SITES.proceedings.root;
import { seedText } from '../support/seed-text';

const seeds = readdirSync(join(fixture, 'seeds')).filter((f) => f !== 'README.md').sort();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the project's content and seeds (real files, since the import writes to seeds/). */
function workspace() {
	const dir = mkdtempSync(join(tmpdir(), 'huiji-import-'));
	dirs.push(dir);
	for (const d of ['content', 'seeds']) cpSync(join(fixture, d), join(dir, d), { recursive: true });
	cpSync(join(root, 'public'), join(dir, 'public'), { recursive: true });
	return dir;
}
const bodyText = (markdown: string) => toString(unified().use(remarkParse).use(remarkGfm).parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, '')));

describe.each(seeds)('importing %s', (seed) => {
	const article = importArticle(readFileSync(join(fixture, 'seeds', seed), 'utf8'), seed);
	const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(article.markdown)![1]!) as Record<string, unknown>;

	test('gives a draft that validates, tied to its seed', () => {
		const dir = workspace();
		writeFileSync(join(dir, 'content/articles', `${article.id}.md`), article.markdown);
		// Its images stay on the outlet's server until `npm run import -- --images` fetches them: a warning each.
		const problems = validateContent(dir).problems.filter((p) => p.file.includes(article.id) && p.code !== 'remote-image');
		expect(problems).toEqual([]);
		expect(data).toMatchObject({ draft: true, seed });
		expect(article.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});

	test('loses no sentence: each is in the body or moved to the metadata', () => {
		const text = normalise(bodyText(article.markdown));
		const bylines = ((data.bylines ?? []) as { role?: string; name: string }[]).map((b) => `${b.role ?? ''}${b.name}`);
		const meta = normalise([JSON.stringify(data), ...bylines].join('|'));
		// A byline's ◎ and a note's stray Markdown asterisk are decoration, not text.
		const lost = sentences(seedText(seed)).filter((s) => !text.includes(s) && !meta.includes(s.replace(/^[*◎]/, '')));
		expect(lost).toEqual([]);
	});
});

test('what is detected in each seed', () => {
	const detected = seeds.map((seed) => {
		const a = importArticle(readFileSync(join(fixture, 'seeds', seed), 'utf8'), seed);
		const d = parse(/^---\n([\s\S]*?)\n---\n/.exec(a.markdown)![1]!) as { title: string; date?: string; source: { outlet?: string }; bylines?: { name: string }[] };
		return `${seed}: ${a.id} | ${a.missing.includes('title') ? '(no title)' : d.title} | ${d.date ?? '-'} | ${d.source.outlet ?? '-'} | ${(d.bylines ?? []).map((b) => b.name).join('、') || '-'}`;
	});
	expect(detected).toMatchInlineSnapshot(`
		[
		  "000_5666fa2ae40db493.txt: 5-yue-24-rizhi-26-ri-you-beijingshi | (no title) | - | - | -",
		  "001_1101a6fbd11d82ea.txt: ai-ruhe-zhuli-zhongsu-zhongliu-zhenliao-moshi | AI如何助力重塑肿瘤诊疗模式 | - | 科技日报 | 荆晓青、杨雪、张佳星、崔爽",
		  "002_79522ff16b7360a5.txt: shendu-xuexi-jishu-shifou-shihe-suoyou-leibie-de | (no title) | - | - | -",
		  "003_ff1ace3419752a1d.txt: richeng-gongbu-2022-zhongguancun-luntan-xilie | 日程公布！2022中关村论坛系列活动——科学智能峰会盛会来袭 | 2022-08-05 | MIT 科技评论 | -",
		  "004_9f60c6357115246a.txt: xiangzhexin-yilun-kexue-geming-zhi-gaodian | 向着新一轮科学革命制高点攀登——2023全球科学智能峰会观察 | - | 新华网 | 凌纪伟",
		]
	`);
});

describe('npm run import', () => {
	const run = (dir: string, ...files: string[]) =>
		spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/import.ts'), '--root', dir, ...files], { encoding: 'utf8' });

	test('writes the draft, copies the original into seeds/ verbatim, and refuses to overwrite', () => {
		const dir = workspace();
		const input = join(mkdtempSync(join(tmpdir(), 'raw-')), 'new-story.html');
		writeFileSync(input, '---\ntitle: 新华网测试稿\ndate: 2024-03-01\n---\n<p>第一段。</p><p><strong>第二段</strong>。</p>');
		const first = run(dir, input);
		expect(first.status).toBe(0);
		expect(first.stdout).toContain('已导入为草稿：content/articles/xinhuawang-ceshi-gao.md');
		expect(readFileSync(join(dir, 'seeds/new-story.html'), 'utf8')).toBe(readFileSync(input, 'utf8'));
		expect(readFileSync(join(dir, 'content/articles/xinhuawang-ceshi-gao.md'), 'utf8')).toContain('第一段。\n\n**第二段**。');
		const second = run(dir, input);
		expect(second.status).toBe(1);
		expect(second.stderr).toContain('content/articles/xinhuawang-ceshi-gao.md 已存在，未覆盖');
	});

	test('refuses a file whose name is taken in seeds/ by a different original', () => {
		const dir = workspace();
		const input = join(mkdtempSync(join(tmpdir(), 'raw-')), seeds[0]!);
		writeFileSync(input, '另一篇稿件。');
		const r = run(dir, input);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(`seeds/ 中已有同名但内容不同的文件“${seeds[0]}”`);
		expect(existsSync(join(dir, 'content/articles/lingyi-pian-gaojian.md'))).toBe(false);
	});

	test('what it could not detect is a comment for the editor, never a published field; --id names the file', () => {
		const dir = workspace();
		const input = join(mkdtempSync(join(tmpdir(), 'raw-')), 'untitled.txt');
		writeFileSync(input, '某论坛今天开幕。\n\n来自各地的学者参加了会议。\n');
		const r = run(dir, input, '--id', 'mou-luntan-kaimu');
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('已导入为草稿：content/articles/mou-luntan-kaimu.md');
		const file = readFileSync(join(dir, 'content/articles/mou-luntan-kaimu.md'), 'utf8');
		expect(file).toMatch(/^---\n# 导入时未识别出：title、date、source\.outlet。/);
		const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(file)![1]!) as { source: Record<string, unknown> };
		expect(data.source).toEqual({});
		expect(validateContent(dir).problems.filter((p) => p.file.includes('mou-luntan-kaimu'))).toEqual([]);
	});
});
