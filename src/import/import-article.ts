import { basename } from 'node:path';
import { stringify } from 'yaml';
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
export function importArticle(text: string, fileName: string): ImportedArticle {
	const raw = readRawDocument(text, fileName);
	const htmlText = raw.format === 'html' ? htmlToMarkdown(raw.body) : undefined;
	const lines = (htmlText ?? raw.body).split('\n');
	const found = detect(raw.frontmatter, lines);
	const kept = lines.filter((l) => !found.consumed.has(l));
	const body = raw.format === 'text' ? textToMarkdown(kept) : kept.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';

	const missing = [!found.title && 'title', !found.date && 'date', !found.outlet && 'source.outlet'].filter((m): m is string => Boolean(m));
	const notes = [...found.notes, ...(missing.length ? [`导入时未识别出：${missing.join('、')}，请核对后补全。`] : [])];
	const title = found.title ?? `${body.replace(/[#*>\s]/g, '').slice(0, 20)}…`;
	const data = {
		title,
		kind: 'news',
		source: { ...(found.outlet ? { outlet: found.outlet } : {}), ...(notes.length ? { note: notes.join(' ') } : {}) },
		...(found.bylines.length ? { bylines: found.bylines } : {}),
		...(found.date ? { date: found.date.iso } : {}),
		seed: basename(fileName),
		draft: true,
	};
	return {
		id: slugify(title) || slugify(basename(fileName).replace(/\.[^.]+$/, '')) || 'imported-article',
		markdown: `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`,
		missing,
	};
}
