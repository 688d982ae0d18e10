import { createHash } from 'node:crypto';
import { LineCounter, isAlias, isMap, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import { imageReferences, type ImageReference } from '../markdown/image-references';
import { bodyNestingDepth, MAX_NESTING } from './body-depth';
import type { ProblemCode } from './codes';
import type { Problem } from './problem';
import { readContentFile } from './read-file';
import { explainYamlError, recognisedSlip } from './yaml-messages';

/** A content file read for validation: its data, and a way back from a data path to a line. */
export interface SourceFile {
	file: string;
	/** Parsed YAML (front matter for Markdown); undefined when the file could not be parsed. */
	data: unknown;
	/** Images the Markdown body shows, where it shows them (whether they exist is a cross-file rule). */
	images: ImageReference[];
	/** Line and column of the value (or, with `key`, the key) at `path`. */
	locate(path: readonly PropertyKey[], key?: boolean): { line: number; column: number } | undefined;
	/** Problems with the file itself: empty, BOM, YAML syntax… */
	problems: Problem[];
	/** Hash of the file's bytes as read (a Markdown page's cacheKey includes it). */
	digest: string;
	/** Markdown: the character offset where the body starts, after the front matter. */
	bodyStart?: number;
	/** Markdown: the line after the front matter, and whether the body has any text. */
	body?: { line: number; empty: boolean };
}

/** The front matter of a content Markdown file, as the validator finds it. */
export const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Reads a content file. Never throws: whatever the file holds, the result is its data or located
 * problems naming it (read-file.ts refuses what is not a regular UTF-8 text file of the site).
 *
 * YAML is read with the core schema, in which an unquoted `2024-02-30` is the text it looks like:
 * the date schema then judges it as written (YAML 1.1's timestamps, which both YAML parsers offer,
 * roll impossible dates over into real ones). Anchors, aliases and explicit tags are refused: editors
 * never need them, an alias bomb expands a few lines into gigabytes, and a custom tag means one thing
 * to one parser and an error to another.
 */
export function readSource(root: string, file: string): SourceFile {
	try {
		return parseSource(root, file);
	} catch (error) {
		// A parser's own failure, on input no rule above foresaw: still this file's problem, located at the file.
		const problems: Problem[] = [{ file, line: 1, column: 1, severity: 'error', code: 'unreadable-file', message: `无法解析这个文件（${(error as Error).message.split('\n')[0]}）：请检查它的格式是否与 CONTRIBUTING.md 的示例一致。` }];
		return { file, data: undefined, images: [], locate: () => undefined, problems, digest: '' };
	}
}

function parseSource(root: string, file: string): SourceFile {
	const read = readContentFile(root, file);
	const problems: Problem[] = [...read.problems];
	const empty: SourceFile = { file, data: undefined, images: [], locate: () => undefined, problems, digest: '' };
	if (read.text === undefined) return empty;
	const raw = read.text;
	let text = raw;
	const digest = createHash('sha1').update(read.bytes).digest('base64url');
	empty.digest = digest;
	const problem = (code: ProblemCode, message: string, line?: number, column?: number, severity: Problem['severity'] = 'error') =>
		problems.push({ file, line, column, severity, code, message });

	if (text.trim() === '' || text.replace(/^\uFEFF/, '').trim() === '') {
		problem('empty-file', '文件是空的：请按 CONTRIBUTING.md 的字段说明填写内容，或删除这个文件。', 1, 1);
		return empty;
	}
	if (text.startsWith('\uFEFF')) {
		problem('bom', '文件开头有 BOM（字节顺序标记），字段区可能无法识别：请在编辑器中另存为“UTF-8（无 BOM）”。', 1, 1);
		text = text.slice(1);
	}
	if (text.includes('\r\n')) {
		problem('crlf', '文件使用 Windows 换行符（CRLF）：已按 LF 处理，不影响构建；建议在编辑器中改为 LF。', 1, 1, 'warning');
	}

	let yamlText = text;
	let firstLine = 1;
	let images: ImageReference[] = [];
	let bodyStart: number | undefined;
	let bodyInfo: SourceFile['body'];
	if (file.endsWith('.md')) {
		const match = FRONTMATTER.exec(text);
		if (!match) {
			problem('no-frontmatter', 'Markdown 文件缺少开头的字段区：第一行应为 ---，字段写完后再用一行 --- 结束，然后才是正文。', 1, 1);
			return empty;
		}
		yamlText = match[1]!;
		bodyStart = match[0].length + (text === raw ? 0 : 1);
		firstLine = 2;
		const body = text.slice(match[0].length);
		const bodyLine = match[0].split('\n').length;
		bodyInfo = { line: bodyLine, empty: body.trim() === '' };
		images = imageReferences(body, bodyLine);
		// The renderer's parsers recurse per level and overflow the stack at ~2,500 levels (measured);
		// news text has a handful. Refused here, named, instead of crashing the build.
		const deep = bodyNestingDepth(body);
		if (deep.depth > MAX_NESTING) {
			problem('too-deep', `正文嵌套了 ${deep.depth} 层（标签、引用或列表套标签），超过上限 ${MAX_NESTING} 层，无法渲染：请删去多余的嵌套，通常是粘贴网页源码时带进来的。`, bodyLine + deep.line - 1, 1);
		}
	}

	// Errors the YAML parser reports obscurely are recognised first, with a plain explanation.
	yamlText.split(/\r?\n/).forEach((line, i) => {
		const tab = /^( *)\t/.exec(line);
		if (tab) problem('tab-indent', 'YAML 不允许用 Tab 缩进：请把这一行开头的 Tab 改成空格（每级两个空格）。', firstLine + i, tab[1]!.length + 1);
		const colon = /^(\s*(?:-\s+)?)([A-Za-z][\w-]*)\s*：/.exec(line);
		if (colon) problem('fullwidth-colon', `字段名“${colon[2]}”后面用了全角冒号“：”：请改为半角冒号加空格（${colon[2]}: …）。`, firstLine + i, colon[1]!.length + colon[2]!.length + 1);
	});
	if (problems.some((p) => p.code === 'tab-indent' || p.code === 'fullwidth-colon')) return { ...empty, images };

	const lineCounter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
	// One problem per line, in Chinese: the slip recognised on the line itself (with the corrected
	// line), else what the parser's error code means. The parser's English never reaches the editor.
	const yamlLines = yamlText.split(/\r?\n/);
	const reported = new Set<number>();
	for (const error of doc.errors) {
		// yaml fills `linePos` only with prettyErrors; the offset is always there.
		const pos = lineCounter.linePos(error.pos[0]);
		if (reported.has(pos.line)) continue;
		reported.add(pos.line);
		const slip = error.code === 'DUPLICATE_KEY' ? undefined : (recognisedSlip(yamlLines[pos.line - 1] ?? '') ?? recognisedSlip(yamlLines[pos.line - 2] ?? ''));
		const code = error.code === 'DUPLICATE_KEY' ? 'duplicate-field' : (slip?.code ?? 'yaml-syntax');
		problem(code, slip?.message ?? explainYamlError(error.code), pos.line + firstLine - 1, pos.col);
	}
	if (doc.errors.length > 0) return { ...empty, images };
	// The first of each kind is enough to point the editor at it (an alias bomb has thousands).
	const refused = refusedYaml(doc).filter((r, i, all) => all.findIndex((o) => o.code === r.code) === i);
	for (const { node, code, message } of refused) {
		const pos = lineCounter.linePos(node.range?.[0] ?? 0);
		problem(code, message, pos.line + firstLine - 1, pos.col);
	}
	if (refused.length > 0) return { ...empty, images };

	const at = (offset: number) => {
		const pos = lineCounter.linePos(offset);
		return { line: pos.line + firstLine - 1, column: pos.col };
	};
	return {
		file,
		data: doc.toJS() ?? {},
		images,
		problems,
		digest,
		bodyStart,
		body: bodyInfo,
		locate(path, key = false) {
			const node = nodeAt(doc, path, key);
			return node?.range ? at(node.range[0]) : undefined;
		},
	};
}

/** Anchors, aliases and explicit tags (`!custom`, `!!binary`), which content never needs. */
function refusedYaml(doc: Document): { node: Node; code: ProblemCode; message: string }[] {
	const found: { node: Node; code: ProblemCode; message: string }[] = [];
	visit(doc, (_, node) => {
		if (isAlias(node)) {
			found.push({ node, code: 'yaml-alias', message: `不支持 YAML 别名“*${node.source}”：请把要重复的内容直接写出来。` });
		} else if (node && typeof node === 'object' && 'range' in node) {
			const n = node as Node;
			if (n.anchor) found.push({ node: n, code: 'yaml-alias', message: `不支持 YAML 锚点“&${n.anchor}”：请删除它，要重复的内容直接写出来。` });
			if (n.tag) found.push({ node: n, code: 'yaml-tag', message: `不支持 YAML 标签“${n.tag}”：请删除它；值需要是文字时加引号即可。` });
		}
	});
	return found;
}

/** The deepest node that exists along `path`, so a problem in a missing field points at its parent. */
function nodeAt(doc: Document, path: readonly PropertyKey[], key: boolean): Node | undefined {
	let node: Node | undefined = doc.contents ?? undefined;
	for (let i = 0; i < path.length; i++) {
		const step = path[i];
		if (isMap(node)) {
			const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
			if (!pair) return node;
			if (key && i === path.length - 1) return pair.key as Node;
			node = (pair.value as Node | null) ?? (pair.key as Node);
		} else if (node && 'items' in node && Array.isArray((node as { items: unknown[] }).items) && typeof step === 'number') {
			const item = (node as { items: Node[] }).items[step];
			if (!item) return node;
			node = item;
		} else {
			return node;
		}
	}
	return node;
}
