import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { markdownProcessor, markdownShared } from './processor';

let renderer: Promise<MarkdownRenderer> | undefined;

/**
 * The body of a content file (path relative to the project, as the loader stores it) rendered to
 * HTML through the site's Markdown pipeline, and whether it has any text at all.
 */
export async function renderFile(filePath: string): Promise<{ html: string; empty: boolean }> {
	const file = resolve(filePath);
	const { content, frontmatter } = parseFrontmatter(readFileSync(file, 'utf8'), { frontmatter: 'empty-with-spaces' });
	renderer ??= markdownProcessor.createRenderer(markdownShared);
	const { code } = await (await renderer).render(content, { fileURL: pathToFileURL(file), frontmatter });
	return { html: code, empty: !content.trim() };
}
