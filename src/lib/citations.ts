import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import style from '../citations/china-national-standard-gb-t-7714-2015-numeric.csl?raw';
import locale from '../citations/locales-zh-CN.xml?raw';
import type { PartialDate } from '../schemas';
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

/** CSL types by medium, which GB/T 7714's style turns into [N], [J] and [EB]; an outlet of unknown kind is [Z]. */
const CSL_TYPE = { newspaper: 'article-newspaper', magazine: 'article-magazine', website: 'webpage', 'social-media': 'webpage' } as const;
const dateParts = (d: PartialDate) => ({ 'date-parts': [[d.year, ...(d.month ? [d.month] : []), ...(d.day ? [d.day] : [])]] });

/**
 * The article as CSL-JSON: the original publication, as GB/T 7714-2015 cites it. The URL is the
 * original's, with its 引用日期 (`accessed`), never our copy's: a reader who follows a citation must
 * land on the source. A newspaper's 版次 goes in `issue`, which the style prints as 2024-10-28(5).
 */
function cslItem(a: ArticleView) {
	const type = a.medium ? CSL_TYPE[a.medium] : 'document';
	return {
		id: a.id,
		type,
		title: a.subtitle ? `${a.title}：${a.subtitle}` : a.title,
		...(a.outlet && { 'container-title': a.outlet }),
		...(a.column && { section: a.column }),
		...(a.sourcePage && (type === 'article-newspaper' ? { issue: a.sourcePage } : { page: a.sourcePage })),
		author: a.bylines.map((b) => ({ literal: b.name })),
		...(a.date && { issued: dateParts(a.date) }),
		...(a.sourceUrl && { URL: a.sourceUrl, ...(a.accessed && { accessed: dateParts(a.accessed) }) }),
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
 * any author cannot be formatted by most styles); no section (citation-js would write it as `pages`);
 * a newspaper's 版次 as `pages` (biblatex's `number` is an issue number).
 */
function bibtexItem(a: ArticleView) {
	const { section: _section, issue, ...item } = cslItem(a) as ReturnType<typeof cslItem> & { issue?: string };
	const authors = item.author.length > 0 ? item.author : item['container-title'] ? [{ literal: item['container-title'] }] : [];
	return {
		...item,
		// biblatex's @online requires a url: a web article whose address is unknown is @misc.
		...(item.type === 'webpage' && !('URL' in item) && { type: 'document' }),
		...(issue && { page: issue }),
		title: `{${bibtexText(item.title)}}`,
		...(item['container-title'] && { 'container-title': bibtexText(item['container-title']) }),
		author: authors.map((x) => ({ literal: bibtexText(x.literal) })),
	};
}

/**
 * biblatex (read by biber, Zotero, JabRef, Better BibTeX): dates with their real precision in ISO 8601
 * (`date = {2024}`, `{2024-08}`, `{2024-08-11}`: classic BibTeX's `month = {aug 11}` is no number and
 * loses the day), `journaltitle`, `@online` for web pages, `@misc` for an outlet of unknown kind, and no
 * field outside biblatex's data model for its type (checked by biber in `npm run check:site`).
 */
const BIB = 'biblatex';
/**
 * One entry as biblatex text. citation-js writes an outlet as `booktitle` on @online and @misc, where
 * biblatex's data model has no such field: there the outlet is the `organization` that published it.
 */
function biblatex(a: ArticleView): string {
	const text = new Cite(bibtexItem(a)).format(BIB, { format: 'text' }).trim();
	return /^@(online|misc)\{/.test(text) ? text.replace(/^\tbooktitle = /m, '\torganization = ') : text;
}

export function citationOf(a: ArticleView): ArticleCitation {
	return {
		gbt: new Cite(cslItem(a)).format('bibliography', { format: 'text', style: STYLE, lang: 'zh-CN' }).trim().replace(/^\[1\]\s*/, ''),
		bibtex: biblatex(a),
	};
}

/** A .bib file of several articles (an event's): the same entries as the articles' pages show. */
export const bibtexOf = (articles: ArticleView[]) => (articles.length ? `${articles.map(biblatex).join('\n')}\n` : '');
