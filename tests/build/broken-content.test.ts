import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { build, copyProject, edit } from '../support/fixture-site';

const dir = copyProject();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a dangling reference fails the build, naming every file, line and id', () => {
	edit(dir, 'content/articles/zhejiang-5g-applications.md', 'speaker: xin-wei,', 'speaker: xin-wie,');
	edit(dir, 'content/events/ai-for-science-summit-2023.md', 'speakers: [e-weinan]', 'speakers: [e-weinnan]');
	const { status, output } = build(dir);
	expect(status).not.toBe(0);
	expect(output).toContain('内容中有 2 处引用无法解析');
	expect(output).toContain('content/articles/zhejiang-5g-applications.md:15  people[1].speaker  找不到嘉宾“xin-wie”');
	expect(output).toMatch(/content\/events\/ai-for-science-summit-2023\.md:\d+ {2}agenda\[0\]\.speakers\[0\] {2}找不到嘉宾“e-weinnan”/);
	expect(existsSync(join(dir, 'dist', 'articles', 'zhejiang-5g-applications', 'index.html'))).toBe(false);
});
