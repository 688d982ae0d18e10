import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toText } from 'hast-util-to-text';
import { toString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { root } from './dist';

/** The readable text of a seed: HTML bodies (with Hexo front matter) as text, the rest read as Markdown. */
export function seedText(file: string, dir = join(root, 'seeds')): string {
	const source = readFileSync(join(dir, file), 'utf8');
	const fm = /^\s*---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
	if (fm) {
		const meta = parseYaml(fm[1]!) as { title?: string };
		const html = unified().use(rehypeParse, { fragment: true }).parse(source.slice(fm[0].length));
		return [meta.title ?? '', toText(html)].join('\n');
	}
	const tree = unified().use(remarkParse).parse(source);
	return tree.children.map((block) => toString(block)).join('\n');
}
