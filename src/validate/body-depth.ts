/** Deepest nesting a Markdown body may have; the renderer fails at ~2,500 (measured on div and blockquote). */
export const MAX_NESTING = 100;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * An upper bound of how deeply a Markdown body nests, without parsing it (the validator reads every
 * file; rendering them all would double a build's work): raw HTML elements left open, plus block
 * quotes and list indentation on a line, plus runs of emphasis or bracket characters. Parsers can
 * only close what this counts as open, so the real depth is not larger. Returns the depth and the
 * (1-based) line where it is reached.
 */
export function bodyNestingDepth(body: string): { depth: number; line: number } {
	const open: string[] = [];
	let deepest = { depth: 0, line: 1 };
	body.split('\n').forEach((text, i) => {
		let html = open.length;
		for (const [, close, name, selfClosing] of text.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^<>]*?(\/?)>/g)) {
			const tag = name!.toLowerCase();
			if (VOID.has(tag) || selfClosing) continue;
			if (!close) html = Math.max(html, open.push(tag));
			else if (open.includes(tag)) open.length = open.lastIndexOf(tag);
		}
		const prefix = text.trim() ? /^[\s>]*/.exec(text)![0] : '';
		const blocks = (prefix.match(/>/g)?.length ?? 0) + Math.floor(prefix.replace(/>/g, '').replace(/\t/g, '    ').length / 2);
		const inline = Math.max(0, ...[...text.matchAll(/[*_~[\]]+/g)].map((m) => m[0].length));
		const depth = html + blocks + inline;
		if (depth > deepest.depth) deepest = { depth, line: i + 1 };
	});
	return deepest;
}
