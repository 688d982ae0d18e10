import type { Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const stringify = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*' });

/** HTML to clean Markdown with the unified toolchain; styling and empty links are dropped. */
export function htmlToMarkdown(html: string): string {
	const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark).use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*' });
	const tree = processor.runSync(processor.parse(html)) as MdastRoot;
	dropEmptyLinks(tree);
	return tidy(stringify.stringify(tree));
}

/** Plain text lines become paragraphs; characters Markdown would read as syntax are escaped. */
export function textToMarkdown(lines: string[]): string {
	const tree: MdastRoot = {
		type: 'root',
		children: lines.filter((l) => l.trim() !== '').map((l) => ({ type: 'paragraph', children: [{ type: 'text', value: l.trim() }] })),
	};
	return tidy(stringify.stringify(tree));
}

function dropEmptyLinks(node: { children?: unknown[] }) {
	if (!node.children) return;
	node.children = node.children.filter((c) => {
		const child = c as { type: string; children?: unknown[] };
		return !(child.type === 'link' && (!child.children || child.children.length === 0));
	});
	for (const c of node.children) dropEmptyLinks(c as { children?: unknown[] });
}

/** Collapse the blank lines and trailing hard breaks that pasted HTML leaves behind. */
function tidy(markdown: string): string {
	return markdown.replace(/\\\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
