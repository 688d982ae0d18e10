import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './dist';

/** A copy of the project (sharing node_modules) in a temporary folder, to build with broken content. */
export function copyProject(): string {
	const dir = mkdtempSync(join(tmpdir(), 'huiji-fixture-'));
	for (const entry of ['src', 'content', 'seeds', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
		cpSync(join(root, entry), join(dir, entry), { recursive: true });
	}
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}

/** Replaces text in a file of the copy; fails if the text is not there, so fixtures cannot rot silently. */
export function edit(dir: string, file: string, from: string, to: string) {
	const path = join(dir, file);
	const text = readFileSync(path, 'utf8');
	if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
	writeFileSync(path, text.replace(from, to));
}

/** Runs `astro build` in the copy; returns its exit status and everything it printed. */
export function build(dir: string): { status: number | null; output: string } {
	const result = spawnSync(join(root, 'node_modules', '.bin', 'astro'), ['build'], {
		cwd: dir,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0' },
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
