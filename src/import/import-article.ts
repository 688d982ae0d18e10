import { basename } from 'node:path';
import { Document } from 'yaml';
import { slugify } from '../schemas/slugify';
import { detect } from './detect';
import { readRawDocument } from './raw-document';
import { htmlToMarkdown, textToMarkdown } from './to-markdown';

export interface ImportedArticle {
	/** Proposed id (file name without .md). */
	id: string;
	/** The whole file: front matter with `draft: true`, then the Markdown body. */
	markdown: string;
	/** What could not be detected, for the editor to fill in. */
	missing: string[];
}

/** Turns a raw document into a draft article that validates, its text kept as written. */
export function importArticle(text: string, fileName: string, id?: string): ImportedArticle {
	const raw = readRawDocument(text, fileName);
	const htmlText = raw.format === 'html' ? htmlToMarkdown(raw.body) : undefined;
	const lines = (htmlText ?? raw.body).split('\n');
	const found = detect(raw.frontmatter, lines);
	const kept = lines.filter((l) => !found.consumed.has(l));
	const body = raw.format === 'text' ? textToMarkdown(kept) : kept.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';

	const missing = [!found.title && 'title', !found.date && 'date', !found.outlet && 'source.outlet'].filter((m): m is string => Boolean(m));
	const title = found.title ?? `${body.replace(/[#*>\s]/g, '').slice(0, 20)}…`;
	const data = {
		title,
		kind: 'news',
		// A republication notice is the source's own words about itself: published, as a note.
		source: { ...(found.outlet ? { outlet: found.outlet } : {}), ...(found.notes.length ? { note: found.notes.join(' ') } : {}) },
		...(found.bylines.length ? { bylines: found.bylines } : {}),
		...(found.date ? { date: found.date.iso } : {}),
		seed: basename(fileName),
		draft: true,
	};
	// Reminders for the editor are YAML comments: never a field, so never published.
	const doc = new Document(data);
	if (missing.length) doc.commentBefore = ` 导入时未识别出：${missing.join('、')}。请对照原稿补全${found.title ? '' : '（标题是按正文开头暂拟的）'}，再删除 draft: true 发布。本行是注释，不会发布。`;
	return {
		id: id ?? (slugify(title) || slugify(basename(fileName).replace(/\.[^.]+$/, '')) || 'imported-article'),
		markdown: `---\n${doc.toString({ lineWidth: 0 })}---\n\n${body}`,
		missing,
	};
}
