import { parse } from 'yaml';

/** A document as it arrives: optional Hexo/Jekyll front matter, then HTML, Markdown or plain text. */
export interface RawDocument {
	frontmatter: Record<string, unknown>;
	format: 'html' | 'markdown' | 'text';
	body: string;
}

const FRONTMATTER = /^\s*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n/;

export function readRawDocument(text: string, fileName: string): RawDocument {
	const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const match = FRONTMATTER.exec(source);
	const frontmatter = match ? ((parse(match[1]!, { customTags: ['timestamp'] }) as Record<string, unknown>) ?? {}) : {};
	const body = match ? source.slice(match[0].length) : source;
	const format = /\.html?$/i.test(fileName) || /^\s*<(?:!doctype|html|div|p|article|section|span)\b/i.test(body)
		? 'html'
		: /\.(md|markdown)$/i.test(fileName) || /^(#{1,6} |!\[|\*\*|> )/m.test(body)
			? 'markdown'
			: 'text';
	return { frontmatter, format, body };
}
