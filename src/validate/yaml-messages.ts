import type { ProblemCode } from './codes';

/**
 * YAML syntax errors explained for editors, in Chinese, with the corrected line where it can be
 * computed. The parser's own messages ("Implicit keys need to be on a single line") say nothing to
 * someone who wrote `name:陈黎明`; the two commonest slips are recognised on the line itself.
 */

/** A YAML value written so that it parses as the text it is: quoted when it must be. */
export function quoted(value: string): string {
	return value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value.replace(/\\/g, '\\\\')}"`;
}

const KEY = /^(\s*(?:-\s+)?)([A-Za-z][\w-]*):/;

/** The corrected line for a slip on `line`, with what was wrong; undefined when none is recognised. */
export function recognisedSlip(line: string): { code: ProblemCode; message: string } | undefined {
	const key = KEY.exec(line);
	if (!key) return undefined;
	const [head, indent, name] = key;
	const rest = line.slice(head.length);
	// `name:陈黎明`: no space after the colon (a URL's `://` is a value, not this).
	if (rest !== '' && !/^\s/.test(rest) && !rest.startsWith('//')) {
		return { code: 'colon-space', message: `字段名后的冒号后面要有一个空格：请改为「${indent}${name}: ${rest.trim()}」。` };
	}
	// `outlet: 华声在线: 湖南日报`: a colon and space inside an unquoted value.
	const value = rest.trim();
	if (/:\s/.test(value) && !/^["'[{|>]/.test(value)) {
		return { code: 'quote-value', message: `值里有“冒号加空格”，整个值要加引号：请改为「${indent}${name}: ${quoted(value)}」。` };
	}
	return undefined;
}

/** A Chinese explanation of one of the parser's error codes (`yaml`'s `YAMLError.code`). */
export function explainYamlError(code: string): string {
	switch (code) {
		case 'DUPLICATE_KEY':
			return '同一个字段写了两次：请删除其中一个。';
		case 'MISSING_CHAR':
			return '引号或括号没有配对：请检查这一行的引号（" "）、方括号 [ ] 和花括号 { } 是否都有结尾。';
		case 'BAD_INDENT':
			return '缩进不对，或方括号 [ ] 没有写完：同一级的字段要对齐（每级两个空格），列表写成 [a, b] 时要有结尾的 ]。';
		case 'TAB_AS_INDENT':
			return 'YAML 不允许用 Tab 缩进：请改成空格（每级两个空格）。';
		case 'MULTILINE_IMPLICIT_KEY':
		case 'BLOCK_AS_IMPLICIT_KEY':
			return '这一行写法不对：字段名后应是“冒号加空格”再写值；值里有冒号时，整个值要加引号。';
		default:
			return 'YAML 格式不对：请检查这一行的缩进（每级两个空格）、冒号后的空格，以及引号和括号是否成对。';
	}
}
