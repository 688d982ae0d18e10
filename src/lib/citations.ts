import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import style from '../citations/china-national-standard-gb-t-7714-2015-numeric.csl?raw';
import locale from '../citations/locales-zh-CN.xml?raw';
import type { ArticleView } from './site-model';

// Citations of articles, GB/T 7714-2015 (the Chinese national standard) and BibTeX, by citation-js:
// the style and locale are the CSL project's own files (src/citations/README.md).
const STYLE = 'gb-t-7714-2015-numeric';
const csl = plugins.config.get('@csl');
csl.styles.add(STYLE, style);
csl.locales.add('zh-CN', locale);
// BibTeX keys are the articles' own ids (ASCII slugs); Chinese text is kept as UTF-8 (biber, XeLaTeX),
// not stripped to ASCII, which is the plugin's default.
Object.assign(plugins.config.get('@bibtex').format, { useIdAsLabel: true, asciiOnly: false });

/** The article as CSL-JSON: a newspaper article, its bylines as authors, the page on this site as URL. */
function cslItem(a: ArticleView, site: URL) {
	return {
		id: a.id,
		type: a.outlet ? 'article-newspaper' : 'webpage',
		title: a.subtitle ? `${a.title}：${a.subtitle}` : a.title,
		...(a.outlet && { 'container-title': a.outlet }),
		...(a.column && { section: a.column }),
		author: a.bylines.map((b) => ({ literal: b.name })),
		...(a.date && { issued: { 'date-parts': [[a.date.year, ...(a.date.month ? [a.date.month] : []), ...(a.date.day ? [a.date.day] : [])]] } }),
		URL: new URL(a.url, site).href,
		language: 'zh-CN',
	};
}

export interface ArticleCitation {
	/** One GB/T 7714-2015 reference, as plain text. */
	gbt: string;
	bibtex: string;
}

/**
 * A text value as BibTeX and LaTeX read it back as that text. The plugin writes values into braces as
 * they are (with `asciiOnly: false`), so a `}` in a title would close the field and whatever follows,
 * `@article{…`, would be an entry of its own. Braces and backslashes become LaTeX's text commands,
 * which keep the braces balanced (BibTeX counts `\{` as a brace too); LaTeX's special characters are
 * escaped; line breaks become spaces.
 */
export function bibtexText(value: string): string {
	return value.replace(/[\\{}%#&$_^~\r\n]/g, (c) =>
		c === '\\' ? '\\textbackslash{}' : c === '{' ? '\\textbraceleft{}' : c === '}' ? '\\textbraceright{}' : c === '^' ? '\\textasciicircum{}' : c === '~' ? '\\textasciitilde{}' : c === '\r' || c === '\n' ? ' ' : `\\${c}`,
	);
}

/**
 * The CSL item as it goes into biblatex, every free-text value escaped: the title in a second pair of
 * braces, so that styles which change a title's case (biber's English sentence case: "Ai如何助力")
 * leave it as written; the outlet as the corporate author of an unsigned report (an @article without
 * any author cannot be formatted by most styles); no section (citation-js would write it as `pages`).
 */
function bibtexItem(a: ArticleView, site: URL) {
	const { section: _section, ...item } = cslItem(a, site);
	const authors = item.author.length > 0 ? item.author : item['container-title'] ? [{ literal: item['container-title'] }] : [];
	return {
		...item,
		title: `{${bibtexText(item.title)}}`,
		...(item['container-title'] && { 'container-title': bibtexText(item['container-title']) }),
		author: authors.map((x) => ({ literal: bibtexText(x.literal) })),
	};
}

/**
 * biblatex (read by biber, Zotero, JabRef, Better BibTeX): dates with their real precision in ISO 8601
 * (`date = {2024}`, `{2024-08}`, `{2024-08-11}`: classic BibTeX's `month = {aug 11}` is no number and
 * loses the day), `journaltitle`, `@online` for pages with no outlet, and no `howpublished` (not a
 * field of @article).
 */
const BIB = 'biblatex';

export function citationOf(a: ArticleView, site: URL): ArticleCitation {
	return {
		gbt: new Cite(cslItem(a, site)).format('bibliography', { format: 'text', style: STYLE, lang: 'zh-CN' }).trim().replace(/^\[1\]\s*/, ''),
		bibtex: new Cite(bibtexItem(a, site)).format(BIB, { format: 'text' }).trim(),
	};
}

/** A .bib file of several articles (an event's). */
export const bibtexOf = (articles: ArticleView[], site: URL) =>
	articles.length ? `${new Cite(articles.map((a) => bibtexItem(a, site))).format(BIB, { format: 'text' }).trim()}\n` : '';
