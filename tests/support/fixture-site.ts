import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './dist';
import { SITES } from './sites';

/** A copy of the project (sharing node_modules) with a fixture site's content, in a temporary folder, to build with broken content. */
export function copyProject(content: string = SITES.proceedings.root): string {
	const dir = mkdtempSync(join(tmpdir(), 'huiji-fixture-'));
	for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
	for (const entry of ['content', 'seeds']) cpSync(join(content, entry), join(dir, entry), { recursive: true });
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}

/**
 * Runs `astro build` in the copy, with its own cache folder (Astro's default is inside node_modules/,
 * which the copy shares with the project: a test build must never leave pages in a cache a real build
 * reads); returns its exit status and everything it printed.
 */
export function build(dir: string): { status: number | null; output: string } {
	const result = spawnSync(join(root, 'node_modules', '.bin', 'astro'), ['build'], {
		cwd: dir,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0', HUIJI_CACHE_DIR: join(dir, '.astro-cache') },
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
