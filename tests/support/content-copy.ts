import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem } from '../../src/validate/problem';
import { validateContent } from '../../src/validate/validate';
import { root } from './dist';
import { SITES } from './sites';

/** A throwaway copy of a fixture site's content/ (its seeds/ and its own public/, else the project's, linked) that a test may break. */
export function copyContent(from: string = SITES.proceedings.root): string {
	const dir = mkdtempSync(join(tmpdir(), 'huiji-content-'));
	cpSync(join(from, 'content'), join(dir, 'content'), { recursive: true });
	symlinkSync(join(from, 'seeds'), join(dir, 'seeds'), 'dir');
	symlinkSync(existsSync(join(from, 'public')) ? join(from, 'public') : join(root, 'public'), join(dir, 'public'), 'dir');
	return dir;
}

/** Replace `from` with `to` in a file of the copy; fails when `from` is absent, so fixtures cannot rot. */
export function replaceIn(dir: string, file: string, from: string | RegExp, to: string) {
	const path = join(dir, file);
	const text = readFileSync(path, 'utf8');
	if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) throw new Error(`${file} does not contain ${from}`);
	writeFileSync(path, text.replace(from, to));
}

/**
 * The validator's problems with a copy of the proceedings fixture, less the warnings the fixture
 * always has: its articles' images are still on the outlets' servers (they cannot be fetched from
 * the test machines), each a `remote-image` warning of its own (tests/unit/validate.test.ts checks them).
 */
export const problemsOf = (dir: string) => validateContent(dir).problems.filter((p) => p.code !== 'remote-image');

/** Apply `breakIt` to a fresh copy and return what `npm run validate` would print for it (less those warnings). */
export function validateBroken(breakIt: (dir: string) => void): string[] {
	const dir = copyContent();
	try {
		breakIt(dir);
		return problemsOf(dir).map(formatProblem);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
