import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { archiveImages } from '../../src/import/archive-images';
import { formatProblem } from '../../src/validate/problem';
import { validateContent } from '../../src/validate/validate';
import { root } from '../support/dist';
import { SITES } from '../support/sites';

// A server on this machine stands for the outlets: pictures under addresses with and without an
// extension, one under two addresses, one deleted, one refused with a web page, one that never
// answers; like the outlets, it refuses any request that says which page it comes from.
let server: Server;
let origin: string;
const referers: string[] = [];
let png: Buffer;
let jpeg: Buffer;
beforeAll(async () => {
	png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#c8553d' } }).png().toBuffer();
	jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#1d4e89' } }).jpeg().toBuffer();
	server = createServer((req, res) => {
		if (req.headers.referer) {
			referers.push(req.headers.referer);
			return void res.writeHead(403).end();
		}
		const routes: Record<string, () => void> = {
			'/photo.png': () => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
			'/same-photo.png': () => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
			'/cdn/origin/a5450b4adbd3': () => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg),
			'/gone.png': () => res.writeHead(404).end('not found'),
			'/hotlink.png': () => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>图片禁止外链</body></html>'),
			'/slow.png': () => undefined, // never answers
		};
		(routes[req.url!] ?? (() => res.writeHead(404).end()))();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
	server.closeAllConnections();
	server.close();
	dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const dirs: string[] = [];
const ARTICLE = 'content/articles/lakeside-forum-2023-report.md';
const FOLDER = 'public/images/lakeside-forum-2023-report';
/** A copy of the second fixture site with its article showing the server's pictures. */
function site(lines: string[]) {
	const dir = mkdtempSync(join(tmpdir(), 'huiji-archive-'));
	dirs.push(dir);
	cpSync(SITES.second.root, dir, { recursive: true });
	writeFileSync(join(dir, ARTICLE), `${readFileSync(join(dir, ARTICLE), 'utf8')}\n${lines.join('\n\n')}\n`);
	return dir;
}
/** `npm run import -- …` in `dir`, without blocking this process (its server must answer). */
function importCommand(dir: string, args: string[]): Promise<{ status: number | null; out: string }> {
	return new Promise((resolve) => {
		const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/import.ts'), ...args, '--root', dir], { cwd: dir });
		let out = '';
		child.stdout.on('data', (b) => (out += b));
		child.stderr.on('data', (b) => (out += b));
		child.on('close', (status) => resolve({ status, out }));
	});
}

describe('npm run import -- --images: the remote images of an article, downloaded into the repository', () => {
	let dir: string;
	let before: string;
	let run: { status: number | null; out: string };
	beforeAll(async () => {
		dir = site([
			`![会场一](${origin}/photo.png)`,
			`<img src="${origin}/cdn/origin/a5450b4adbd3" alt="会场二">`,
			`![会场一，另一个地址](${origin}/same-photo.png "同一张")`,
			`![已被删除](${origin}/gone.png)`,
			`![防盗链](${origin}/hotlink.png)`,
		]);
		before = readFileSync(join(dir, ARTICLE), 'utf8');
		run = await importCommand(dir, ['--images', ARTICLE]);
	}, 60_000);
	const lineOf = (text: string, part: string) => text.split('\n').findIndex((l) => l.includes(part)) + 1;

	test('each picture is saved once, named by its bytes, in the format it is', () => {
		const files = readdirSync(join(dir, FOLDER)).sort();
		expect(files).toHaveLength(2);
		expect(files.map((f) => f.split('.')[1]).sort()).toEqual(['jpg', 'png']);
		for (const f of files) expect([png, jpeg].some((b) => b.equals(readFileSync(join(dir, FOLDER, f)))), f).toBe(true);
	});
	test('the body shows them from the site; everything else in the file is as it was', () => {
		const after = readFileSync(join(dir, ARTICLE), 'utf8');
		const [jpg, pngFile] = readdirSync(join(dir, FOLDER)).sort((a, b) => (a.endsWith('jpg') ? -1 : b.endsWith('jpg') ? 1 : 0));
		const local = `/images/lakeside-forum-2023-report/`;
		expect(after).toContain(`![会场一](${local}${pngFile})`);
		expect(after).toContain(`<img src="${local}${jpg}" alt="会场二">`);
		expect(after).toContain(`![会场一，另一个地址](${local}${pngFile} "同一张")`);
		const restored = after.replaceAll(`${local}${pngFile})`, `${origin}/photo.png)`).replace(`${local}${pngFile} "`, `${origin}/same-photo.png "`).replace(`src="${local}${jpg}"`, `src="${origin}/cdn/origin/a5450b4adbd3"`);
		expect(restored).toBe(before);
	});
	test('what could not be had keeps its address, and the command says why, where, and what to do; exit status 1', () => {
		const after = readFileSync(join(dir, ARTICLE), 'utf8');
		expect(run.status).toBe(1);
		expect(run.out).toContain('下载了 3 张图片到 public/images/lakeside-forum-2023-report/，content/articles/lakeside-forum-2023-report.md 里的地址已改成本站的。');
		expect(run.out).toContain(`第 ${lineOf(after, '/gone.png')} 行的图片没能下载（服务器回答 HTTP 404）：${origin}/gone.png`);
		expect(run.out).toContain(`第 ${lineOf(after, '/hotlink.png')} 行的图片没能下载（下载到的不是图片，多半是网站拒绝外链时给的网页）：${origin}/hotlink.png`);
		expect(run.out).toContain('请从原文保存这张图，放进 public/images/lakeside-forum-2023-report/，把地址改成 /images/lakeside-forum-2023-report/文件名。');
	});
	test('the validator then warns of those two alone, at their lines; no request said where it came from', () => {
		const after = readFileSync(join(dir, ARTICLE), 'utf8');
		const problems = validateContent(dir).problems;
		expect(problems.map((p) => [p.file, p.line, p.code])).toEqual([
			[ARTICLE, lineOf(after, '/gone.png'), 'remote-image'],
			[ARTICLE, lineOf(after, '/hotlink.png'), 'remote-image'],
		]);
		expect(problems.every((p) => p.severity === 'warning'), problems.map(formatProblem).join('\n')).toBe(true);
		expect(referers).toEqual([]);
	});
	test('run again: nothing new is written', async () => {
		const text = readFileSync(join(dir, ARTICLE), 'utf8');
		const again = await importCommand(dir, ['--images', ARTICLE]);
		expect(again.status).toBe(1);
		expect(again.out).not.toContain('下载了');
		expect(readFileSync(join(dir, ARTICLE), 'utf8')).toBe(text);
		expect(readdirSync(join(dir, FOLDER))).toHaveLength(2);
	}, 60_000);
});

test('a file outside content/articles and content/events is refused by name', async () => {
	const dir = site([]);
	const run = await importCommand(dir, ['--images', 'content/speakers/wan-chongshan.yaml']);
	expect(run.status).toBe(1);
	expect(run.out).toContain('content/speakers/wan-chongshan.yaml：不是 content/articles/ 或 content/events/ 里的 Markdown 文件，请检查路径。');
});

test('a host that does not answer in time: the image keeps its address', async () => {
	const dir = site([`![慢](${origin}/slow.png)`]);
	const results = await archiveImages(dir, ARTICLE, 300);
	expect(results.map((r) => [r.saved, r.problem])).toEqual([[undefined, '0.3 秒内没有下载完']]);
	expect(readFileSync(join(dir, ARTICLE), 'utf8')).toContain(`![慢](${origin}/slow.png)`);
});

test('importing a source document downloads its images with it', async () => {
	const dir = site([]);
	const source = join(dir, '湖畔来稿.html');
	writeFileSync(source, `<html><head><title>湖畔论坛闭幕</title></head><body><h1>湖畔论坛闭幕</h1><p>论坛于十月十五日闭幕。</p><p><img src="${origin}/photo.png" alt="闭幕式"></p></body></html>`);
	const run = await importCommand(dir, [source, '--id', 'lakeside-closing']);
	expect(run.status, run.out).toBe(0);
	const draft = readFileSync(join(dir, 'content/articles/lakeside-closing.md'), 'utf8');
	const [saved] = readdirSync(join(dir, 'public/images/lakeside-closing'));
	expect(draft).toContain(`](/images/lakeside-closing/${saved})`);
	expect(draft).not.toContain(origin);
	expect(run.out).toContain('下载了 1 张图片到 public/images/lakeside-closing/');
}, 60_000);
