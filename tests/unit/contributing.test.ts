import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSiteModel } from '../../src/lib/site-model';
import { writeSiteSkeleton } from '../../src/scaffold/site-skeleton';
import { formatProblem } from '../../src/validate/problem';
import { validateContent } from '../../src/validate/validate';
import { withFieldReference } from '../../src/docs/field-reference';
import { withProblemCodes } from '../../src/docs/problem-codes';
import { isProblemCode } from '../../src/validate/codes';
import { root } from '../support/dist';

test('CONTRIBUTING.md’s field reference matches the schemas (run `npm run docs` after changing them)', () => {
	const current = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
	expect(current).toBe(withFieldReference(current));
	expect(current).toContain('| `people[].as` |  | `quoted` / `interviewed` / `mentioned` / `pictured` |');
});

test('CONTRIBUTING.md’s problem-code table lists every code the validator can report (run `npm run docs`)', () => {
	const current = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
	expect(current).toBe(withProblemCodes(current));
	// Codes the schemas attach themselves (params.code) are checked here; the validator's own are typed.
	const schemaCodes = readdirSync(join(root, 'src/schemas')).flatMap((f) => [...readFileSync(join(root, 'src/schemas', f), 'utf8').matchAll(/params: \{ code: '([^']+)' \}/g)].map((m) => m[1]!));
	expect(schemaCodes.length).toBeGreaterThan(0);
	expect(schemaCodes.filter((c) => !isProblemCode(c))).toEqual([]);
	expect(current).toContain('| `not-a-list` | 这里要写成列表');
});

test('CONTRIBUTING.md’s templates, written into a new empty site, validate clean; its namesakes are told apart', () => {
	const guide = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
	const templates = [...guide.matchAll(/<!-- template: (\S+) -->\n```\w+\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!] as const);
	expect(templates.map(([path]) => path.split('/')[1]!.replace(/\.yaml$/, ''))).toEqual(expect.arrayContaining(['events', 'speakers', 'articles', 'organizations', 'topics', 'series']));
	const dir = mkdtempSync(join(tmpdir(), 'huiji-templates-'));
	try {
		writeSiteSkeleton(dir, { title: '湖畔论坛文库', tagline: '历届湖畔论坛实录', description: '湖畔论坛历届会议的议程、嘉宾与报道。' });
		cpSync(join(root, 'public'), join(dir, 'public'), { recursive: true });
		// The seed the article template names, as an editor would upload it: the article's body, verbatim.
		const article = templates.find(([path]) => path.startsWith('content/articles/'))![1];
		writeFileSync(join(dir, 'seeds/lakeside-2025.txt'), article.split('---\n')[2]!.trim() + '\n');
		for (const [path, text] of templates) writeFileSync(join(dir, path), text);
		const { problems, records } = validateContent(dir);
		expect(problems.map(formatProblem)).toEqual([]);
		const labels = buildSiteModel(records).speakers.map((s) => s.label);
		expect(labels).toEqual(expect.arrayContaining(['张强（清华大学）', '张强（湖畔大学）']));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
