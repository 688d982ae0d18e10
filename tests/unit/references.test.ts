import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkReferences, formatProblems } from '../../src/lib/references';
import { readContent } from '../../src/lib/read-content';
import { root } from '../support/dist';

test('the launch content has no dangling references', () => {
	expect(checkReferences(readContent(root), root)).toEqual([]);
});

test('a dangling reference is reported with its file, line, field and a fix', () => {
	const records = readContent(root);
	const dir = mkdtempSync(join(tmpdir(), 'refs-'));
	mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
	mkdirSync(join(dir, 'seeds'));
	writeFileSync(join(dir, 'seeds', 'x.txt'), 'x');
	writeFileSync(
		join(dir, 'content/articles/broken.md'),
		'---\ntitle: 标题\nkind: news\nsource: {}\nseed: missing.txt\nevents: [no-such-event]\npeople:\n  - { speaker: li-zhichen }\n---\n正文\n',
	);
	const article = {
		...records.articles[0]!,
		id: 'broken',
		filePath: 'content/articles/broken.md',
		seed: 'missing.txt',
		events: ['no-such-event'],
		people: [{ speaker: 'li-zhichen', as: 'quoted' as const }],
		topics: [],
	};
	const problems = checkReferences({ ...records, articles: [article] }, dir);
	// The other collections still point at the launch articles, which this fixture removed.
	const own = problems.filter((p) => p.file === 'content/articles/broken.md');
	expect(formatProblems(own)).toMatchInlineSnapshot(`
		"content/articles/broken.md:6  events[0]  找不到活动“no-such-event”：请检查拼写，或在 content/events/no-such-event.md 中添加该活动。
		content/articles/broken.md:8  people[0].speaker  找不到嘉宾“li-zhichen”：请检查拼写，或在 content/speakers/li-zhichen.yaml 中添加该嘉宾。
		content/articles/broken.md:5  seed  seeds/ 中没有文件“missing.txt”：请先把原始稿件原样放入 seeds/，再在 seed 字段填写其文件名。"
	`);
});
