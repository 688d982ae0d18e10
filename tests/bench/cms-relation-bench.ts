import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSite } from '../support/browser';
import { root } from '../support/dist';
import { buildSite, SITES } from '../support/sites';

// `npx tsx tests/bench/cms-relation-bench.ts [--speakers 1000 --speakers 5000] [--runs 3]`: how long the web
// editor's speaker relation widget takes to offer a person, with that many speakers in the repository
// (decap-server, git mode, on this machine). Prints a Markdown table: medians of --runs page loads.
const { values } = parseArgs({ options: { speakers: { type: 'string', multiple: true, default: ['100', '1000', '5000'] }, runs: { type: 'string', default: '3' } } });
const sizes = values.speakers.map(Number);
const runs = Number(values.runs);
const PORT = 8081;

const work = mkdtempSync(join(tmpdir(), 'huiji-cms-bench-'));
const out = join(work, 'build');
// The admin page and its config do not depend on how many speakers there are: build the second site once.
const built = buildSite(SITES.second.root, out, 'https://lakeside.example.org/conf-archive/');
if (built.status !== 0) throw new Error(built.output);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: string[] = [];
for (const n of sizes) {
	const repo = join(work, `repo-${n}`);
	for (const d of ['content', 'seeds', 'public']) cpSync(join(SITES.second.root, d), join(repo, d), { recursive: true });
	for (let i = 0; i < n; i++) {
		writeFileSync(join(repo, `content/speakers/bench-person-${i}.yaml`), `name: 测试嘉宾${i}\nappearances:\n  - article: lakeside-forum-2023-report\n    asGiven: 研究员\n`);
	}
	const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@example.org', ...args], { cwd: repo });
	git('init', '-q', '-b', 'main');
	git('add', '-A');
	git('commit', '-qm', 'bench');
	const server = spawn(join(root, 'node_modules/.bin/decap-server'), [], { env: { ...process.env, MODE: 'git', GIT_REPO_DIRECTORY: repo, PORT: String(PORT), LOG_LEVEL: 'error' }, stdio: 'ignore' });
	await new Promise((r) => setTimeout(r, 1500));
	const times: number[] = [];
	for (let r = 0; r < runs; r++) {
		const s = await openSite(join(out, 'dist'), '/conf-archive/', { allow: [`http://localhost:${PORT}`] });
		try {
			await s.page.goto(`${s.base}/admin/`);
			await s.page.getByRole('button', { name: '登录' }).click();
			await s.page.goto('about:blank');
			await s.page.goto(`${s.base}/admin/#/collections/articles/new`);
			await s.page.getByRole('button', { name: /新增文中引述或采访的人/ }).click();
			const input = s.page.getByLabel('嘉宾 id', { exact: true });
			await input.waitFor();
			const start = performance.now();
			await input.fill(`测试嘉宾${n - 1}`);
			await s.page.getByRole('option', { name: new RegExp(`测试嘉宾${n - 1} bench-person-${n - 1}$`) }).waitFor({ timeout: 120_000 });
			times.push(performance.now() - start);
		} finally {
			await s.close();
		}
	}
	server.kill();
	rows.push(`| ${n} | ${(median(times) / 1000).toFixed(2)} s | ${times.map((t) => (t / 1000).toFixed(2)).join(' / ')} |`);
}
rmSync(work, { recursive: true, force: true });
console.log(['| speakers in the repository | typing a name → the person offered (median) | each run |', '| --- | --- | --- |', ...rows].join('\n'));
