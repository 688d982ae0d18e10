import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { root } from '../support/dist';
import { addGeneratedReport } from '../support/generated-report';
import { buildSite } from '../support/sites';

// An editor's valid pull request must pass `npm test`. Here, a copy of the launch site gains a
// generated forum report (event, article, speakers, seed, list entries), is built as CI builds it,
// and the content tests (tests/content/) run against it, as they run against content/.
const dir = mkdtempSync(join(tmpdir(), 'huiji-valid-pr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('adding a valid report to the launch content keeps the content tests green', () => {
	for (const entry of ['content', 'seeds', 'public']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
	addGeneratedReport(dir, 1);
	addGeneratedReport(dir, 2, 5);
	const built = buildSite(dir, dir);
	expect(built.status, built.output).toBe(0);
	const tests = spawnSync(join(root, 'node_modules/.bin/vitest'), ['run', '--config', 'tests/vitest.config.ts', 'tests/content'], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0', HUIJI_CONTENT_ROOT: dir, HUIJI_DIST: join(dir, 'dist'), HUIJI_FIXTURES: 'skip' },
	});
	expect(tests.status, `${tests.stdout}\n${tests.stderr}`).toBe(0);
	expect(tests.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+\d+ passed \(\d+\)/);
}, 300_000);
