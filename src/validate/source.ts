import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from './problem';

/** An image in a Markdown body that is not a remote or data URL. */
export interface ImageReference {
	src: string;
	line: number;
	column: number;
}

/** A content file read for validation: its data, and a way back from a data path to a line. */
export interface SourceFile {
	file: string;
	/** Parsed YAML (front matter for Markdown); undefined when the file could not be parsed. */
	data: unknown;
	/** Local images the Markdown body refers to, where it refers to them (their existence is a cross-file rule). */
	images: ImageReference[];
	/** Line and column of the value (or, with `key`, the key) at `path`. */
	locate(path: readonly PropertyKey[], key?: boolean): { line: number; column: number } | undefined;
	/** Problems with the file itself: empty, BOM, YAML syntax… */
	problems: Problem[];
	/** Hash of the file's bytes as read (a Markdown page's cacheKey includes it). */
	digest: string;
	/** Markdown: the character offset where the body starts, after the front matter. */
	bodyStart?: number;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Reads a content file. YAML is parsed with Date timestamps, as js-yaml (Astro's parser) does,
 * so unquoted dates mean the same in the validator and in the build.
 */
export function readSource(root: string, file: string): SourceFile {
	const raw = readFileSync(join(root, file), 'utf8');
	let text = raw;
	const digest = createHash('sha1').update(raw).digest('base64url');
	const problems: Problem[] = [];
	const problem = (code: string, message: string, line?: number, column?: number, severity: Problem['severity'] = 'error') =>
		problems.push({ file, line, column, severity, code, message });
	const empty: SourceFile = { file, data: undefined, images: [], locate: () => undefined, problems, digest };

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
	if (file.endsWith('.md')) {
		const match = FRONTMATTER.exec(text);
		if (!match) {
			problem('no-frontmatter', 'Markdown 文件缺少开头的字段区：第一行应为 ---，字段写完后再用一行 --- 结束，然后才是正文。', 1, 1);
			return empty;
		}
		yamlText = match[1]!;
		bodyStart = match[0].length + (text === raw ? 0 : 1);
		firstLine = 2;
		images = imageReferences(text.slice(match[0].length), match[0].split('\n').length);
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
	const doc = parseDocument(yamlText, { lineCounter, customTags: ['timestamp'], prettyErrors: false, uniqueKeys: true });
	for (const error of doc.errors) {
		// yaml fills `linePos` only with prettyErrors; the offset is always there.
		const pos = lineCounter.linePos(error.pos[0]);
		const what = error.code === 'DUPLICATE_KEY' ? '同一个字段写了两次：请删除其中一个。' : `YAML 语法错误（${error.message.split('\n')[0]}）：请检查这一行的缩进、冒号和引号。`;
		problem(error.code === 'DUPLICATE_KEY' ? 'duplicate-field' : 'yaml-syntax', what, pos.line + firstLine - 1, pos.col);
	}
	if (doc.errors.length > 0) return { ...empty, images };

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
		locate(path, key = false) {
			const node = nodeAt(doc, path, key);
			return node?.range ? at(node.range[0]) : undefined;
		},
	};
}

/** Local images in a Markdown body starting at line `firstLine` (remote images are the outlet's to serve). */
function imageReferences(body: string, firstLine: number): ImageReference[] {
	return body.split('\n').flatMap((line, i) =>
		[...line.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)|<img\b[^>]*\bsrc=["']([^"']+)["']/g)]
			.map((m) => ({ src: m[1] ?? m[2]!, line: firstLine + i, column: (m.index ?? 0) + 1 }))
			.filter((image) => !/^(https?:|data:)/.test(image.src)),
	);
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
