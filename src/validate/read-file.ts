import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ProblemCode } from './codes';
import type { Problem } from './problem';

/** The text of a content file, or the problems that keep it from being read as one. */
export type ReadResult = { text: string; bytes: Buffer; problems: Problem[] } | { text: undefined; problems: Problem[] };

/**
 * Reads a content file defensively: whatever is at the path, the result is its text or a problem
 * naming it, never an exception. Refused: what is not a regular file (a folder named `x.md`), a
 * symbolic link that leads nowhere or out of the site's folder (the build would publish a file from
 * elsewhere on the machine), bytes that are not UTF-8 (they would be published as U+FFFD), and
 * control characters such as NUL (invisible in an editor, and fatal to other YAML parsers).
 */
export function readContentFile(root: string, file: string): ReadResult {
	const path = join(root, file);
	const refuse = (code: ProblemCode, message: string, line?: number, column?: number): ReadResult => ({
		text: undefined,
		problems: [{ file, line, column, severity: 'error', code, message }],
	});
	try {
		if (lstatSync(path).isSymbolicLink()) {
			let target: string;
			try {
				target = realpathSync(path);
			} catch {
				return refuse('broken-link', '这是一个指向不存在文件的符号链接：请删除它，或换成真正的文件。');
			}
			const inside = relative(realpathSync(root), target);
			if (inside.startsWith(`..${sep}`) || inside === '..' || inside.startsWith(sep)) {
				return refuse('outside-link', `这是一个指向网站文件夹之外（${target}）的符号链接，构建不会发布站外的文件：请把文件本身放进来，代替链接。`);
			}
		}
		if (!statSync(path).isFile()) return refuse('not-a-file', '这不是一个普通文件（可能是同名文件夹）：内容目录里只能放内容文件，请改名或移走。');
		const bytes = readFileSync(path);
		const bad = firstInvalidUtf8(bytes);
		if (bad !== undefined) {
			const { line, column } = positionOfByte(bytes, bad);
			return refuse('invalid-utf8', `文件不是 UTF-8 编码（第 ${bad + 1} 个字节无效），发布后会变成乱码：请在编辑器中另存为“UTF-8”。`, line, column);
		}
		const text = bytes.toString('utf8');
		const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
		if (control) {
			const before = text.slice(0, control.index);
			const line = before.split('\n').length;
			const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
			return refuse('control-character', `第 ${line} 行有看不见的控制字符 U+${code}（常见于从别处粘贴的文字）：请删除它。`, line, control.index - before.lastIndexOf('\n'));
		}
		return { text, bytes, problems: [] };
	} catch (error) {
		return refuse('unreadable-file', `无法读取这个文件（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）：请检查它是否存在、是否有读取权限。`);
	}
}

/** Byte offset of the first byte that does not belong to a valid UTF-8 sequence, if any. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return undefined;
	} catch {
		// Find where: walk the sequences (rare path, only for a bad file).
		for (let i = 0; i < bytes.length; ) {
			const b = bytes[i]!;
			const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
			if (length === 0) return i;
			try {
				new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
			} catch {
				return i;
			}
			i += length;
		}
		return bytes.length - 1;
	}
}

function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset; i++) {
		if (bytes[i] === 0x0a) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: bytes.subarray(lineStart, offset).toString('utf8').length + 1 };
}
