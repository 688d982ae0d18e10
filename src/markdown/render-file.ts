import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { contentRoot } from '../lib/content-root';
import { takeBodyAhead } from './bodies-ahead';
import { picture } from '../lib/pictures';
import { markdownProcessorWith, markdownShared } from './processor';
import { rehypePictures } from './rehype-pictures';

let renderer: Promise<MarkdownRenderer> | undefined;

/**
 * The body of a content file rendered to HTML through the site's Markdown pipeline, and whether it
 * has any text at all. `path` is relative to the content root and `bodyStart` where the validator
 * found the body begins: the front matter is not parsed again here. In a build, most bodies were
 * rendered ahead on another thread (./bodies-ahead.ts), through this same pipeline.
 */
export async function renderFile({ path, bodyStart = 0 }: { path: string; bodyStart?: number }): Promise<{ html: string; empty: boolean }> {
	const ahead = await takeBodyAhead(path, bodyStart);
	if (ahead) return ahead;
	const file = resolve(contentRoot(), path);
	const content = readFileSync(file, 'utf8').slice(bodyStart);
	renderer ??= markdownProcessorWith(rehypePictures((path) => picture(path))).createRenderer(markdownShared);
	try {
		const { code } = await (await renderer).render(content, { fileURL: pathToFileURL(file) });
		return { html: code, empty: !content.trim() };
	} catch (error) {
		// The validator refuses what it knows the renderer cannot take; should anything else fail, the
		// build still names the file (a stack overflow deep in a parser names none).
		throw new Error(`${path}：正文无法渲染（${(error as Error).message.split('\n').at(-1)}）。请检查正文中粘贴进来的 HTML，或把这个文件交给维护者。`, { cause: error });
	}
}
