import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkAccessibility } from './axe';
import { checkBibtex } from './bibtex';
import { checkCalendars } from './calendars';
import { BuiltSite } from './built-site';
import { checkHtml } from './html';
import { checkFeeds } from './feeds';
import { checkLinks } from './links';
import { checkNu } from './nu';
import { checkGoogle } from './google';
import { checkStructuredData } from './structured-data';

// The checks of `npm run check:site`, on a tiny site with one fault of each kind, so that a check
// that stopped finding anything would fail here (the real site is checked, with zero findings, by
// `npm test` itself).
const HEAD = `<meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>t</title>
<link rel="canonical" href="http://x/a/"><meta property="og:title" content="t"><meta property="og:description" content="d">
<meta property="og:url" content="http://x/a/"><meta property="og:type" content="article"><meta name="twitter:card" content="summary">
<link rel="alternate" type="application/rss+xml" title="f" href="/rss.xml">`;
const page = (head: string, body: string) => `<!DOCTYPE html><html lang="zh-CN"><head>${head}</head><body><main>${body}</main></body></html>`;
const FILES: Record<string, string> = {
	'index.html': page(HEAD, '<h1>首页</h1><p><a href="/a/">文章</a> <a href="/missing/">丢失</a> <a href="/a/#nowhere">锚点</a></p>'),
	// An article: JSON-LD with a raw "<", no headline, and no Highwire meta; an image without alt.
	'a/index.html': page(
		`${HEAD}<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","url":"http://x/a/","isBasedOn":{"name":"</b>"}}</script>`,
		'<article data-entry="article"><h1 id="top">文章</h1><img src="/p.png"><p>正文</p></article>',
	),
	// Readable in light mode, near-invisible in dark mode; and a stray closing tag for html-validate.
	'b/index.html': page(
		'<meta charset="utf-8"><title>b</title><style>@media (prefers-color-scheme: dark) { body { background: #000; } p { color: #111; } }</style>',
		'<h1>页</h1><p>深色模式下看不见的字</p></span>',
	),
	// An event as Google refuses it: a display string for an address, a stream without its address, an invented mode.
	'e/index.html': page(
		`${HEAD}<script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"会","url":"http://x/a/","startDate":"2024-13","location":[{"@type":"Place","name":"上海","address":"上海 · 张江"},{"@type":"VirtualLocation","name":"B站"}],"eventAttendanceMode":"https://schema.org/OnlineEventAttendanceMode","organizer":[{"@type":"Organization"}]}</script>`,
		'<article data-entry="event"><h1>会</h1></article>',
	),
	// A list page whose JSON-LD lists a page that does not exist.
	'l/index.html': page(
		`${HEAD}<meta property="og:image" content="http://x/p.png"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630"><script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage","url":"http://x/a/","mainEntity":{"@type":"ItemList","numberOfItems":2,"itemListElement":[{"@type":"ListItem","position":1,"url":"http://x/a/"},{"@type":"ListItem","position":2,"url":"http://x/gone/"}]}}</script>`,
		'<h1>列表</h1><p><a href="/a/">文章</a></p>',
	),
	// BibTeX as an article page shows it, and an event's file with the same key written otherwise and outside biblatex's data model.
	'c/index.html': page(`${HEAD}<meta property="og:image" content="http://x/gone.png">`, '<article data-entry="article"><header class="page-header"><h1>文</h1><time datetime="2024">2024年</time></header><pre id="cite-bibtex">@article{k,\n\tauthor = {{某}},\n\tjournaltitle = {报},\n\tdate = {2024},\n\ttitle = {{文}},\n}</pre></article>'),
	'events/e/citations.bib': '@article{k,\n\tauthor = {{某}},\n\tjournaltitle = {报},\n\tdate = {2024},\n\ttitle = {{文}},\n\thowpublished = {报},\n}\n@misc{u,\n\ttitle = {{无日期}},\n}\n@article{h,\n\tauthor = {{某}},\n\tdate = {2024-08-11},\n\ttitle = {{文}},\n\thowpublished = {报},\n}\n',
	// Calendars: LF line ends, a line of 80 octets, a floating time, no DTSTAMP, a link to no page, an
	// end before the start; and a talk's file whose entry reuses that UID for another time.
	'events/e/calendar.ics': [
		'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//y//ZH', 'BEGIN:VEVENT', 'UID:a@x',
		'DTSTART:20241022T093000', 'DTEND:20241022T083000', `SUMMARY:${'报告'.repeat(12)}`, 'URL:http://x/gone/', 'END:VEVENT', 'END:VCALENDAR', '',
	].join('\n'),
	'events/e/calendar/t.ics': ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//y//ZH', 'BEGIN:VEVENT', 'UID:a@x', 'DTSTAMP:20241022T000000Z', 'DTSTART:20241023T013000Z', 'URL:http://x/a/', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
	'p.png': '',
	'rss.xml': '<rss/>',
	'sitemap-index.xml': '<sitemapindex><sitemap><loc>http://x/sitemap-0.xml</loc></sitemap></sitemapindex>',
	'sitemap-0.xml': '<urlset><url><loc>http://x/</loc></url><url><loc>http://x/a/</loc></url><url><loc>http://x/b/</loc></url></urlset>',
};

let dir: string;
let site: BuiltSite;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'huiji-check-'));
	for (const [path, text] of Object.entries(FILES)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	site = new BuiltSite(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (findings: { check: string; page: string; message: string }[]) => findings.map((f) => `${f.check} ${f.page}: ${f.message}`);

test('pages come from the sitemap for crawling, from the folder for the other checks', () => {
	expect(site.sitemapPages()).toEqual(['/', '/a/', '/b/']);
	expect(site.pages()).toEqual(['/', '/a/', '/b/', '/c/', '/e/', '/l/']);
});

test('links: a missing page and a missing anchor', () => {
	expect(lines(checkLinks(site))).toMatchInlineSnapshot(`
		[
		  "links /: /missing/: no such page or file",
		  "links /: /a/#nowhere: no element with id “nowhere” on /a/",
		]
	`);
});

test('structured data: raw <, missing fields and meta, each located', () => {
	expect(lines(checkStructuredData(site))).toMatchInlineSnapshot(`
		[
		  "structured data /: missing meta[property="og:image"]",
		  "structured data /: the home page has no JSON-LD WebSite",
		  "structured data /a/: missing meta[property="og:image"]",
		  "structured data /a/: missing meta[name=citation_title]",
		  "structured data /a/: missing meta[name=citation_public_url]",
		  "structured data /a/: missing meta[name=citation_language]",
		  "structured data /a/: JSON-LD contains a raw “<”: escape it as \\u003c",
		  "structured data /a/: JSON-LD NewsArticle has no headline",
		  "structured data /a/: JSON-LD NewsArticle has no image",
		  "structured data /b/: missing link[rel=canonical][href]",
		  "structured data /b/: missing meta[property="og:image"]",
		  "structured data /b/: missing meta[property="og:title"]",
		  "structured data /b/: missing meta[property="og:description"]",
		  "structured data /b/: missing meta[property="og:url"]",
		  "structured data /b/: missing meta[property="og:type"]",
		  "structured data /b/: missing meta[name="twitter:card"]",
		  "structured data /b/: missing link[rel=alternate][type="application/rss+xml"]",
		  "structured data /c/: missing meta[name=citation_title]",
		  "structured data /c/: missing meta[name=citation_public_url]",
		  "structured data /c/: missing meta[name=citation_language]",
		  "structured data /c/: og:image http://x/gone.png is not a file of the site",
		  "structured data /c/: expected one JSON-LD block, found 0",
		  "structured data /e/: missing meta[property="og:image"]",
		  "structured data /e/: JSON-LD Event has no image",
		  "structured data /l/: og:image is no PNG, the page says 1200×630",
		  "structured data /l/: ItemList item http://x/gone/ is not a page of the site",
		]
	`);
});

test("Google's rules: each way the event is refused, and the event is not counted as eligible", () => {
	const report = checkGoogle(site);
	expect(lines(report.findings)).toMatchInlineSnapshot(`
		[
		  "Google structured data /a/: NewsArticle: recommended headline is missing",
		  "Google structured data /a/: NewsArticle: recommended image is missing",
		  "Google structured data /e/: Event: startDate “2024-13” is not ISO 8601",
		  "Google structured data /e/: Event: Place.address must be a PostalAddress",
		  "Google structured data /e/: Event: VirtualLocation.url is required",
		  "Google structured data /e/: Event: an online event with a Place",
		  "Google structured data /e/: Event: every organizer needs a name",
		  "Google structured data /e/: Event: recommended description is missing",
		  "Google structured data /e/: Event: recommended image is missing",
		]
	`);
	expect(report.events.eligible).toEqual([]);
});

test('iCalendar: each fault RFC 5545 forbids, found by reading the files with ical.js', () => {
	expect(lines(checkCalendars(site))).toMatchInlineSnapshot(`
		[
		  "iCalendar /events/e/calendar.ics: a line ends in LF, not CRLF",
		  "iCalendar /events/e/calendar.ics: a line longer than 75 octets: SUMMARY:报告报告报告报告报告报告报告报告报告报告报告报告…",
		  "iCalendar /events/e/calendar.ics: a@x: no DTSTAMP",
		  "iCalendar /events/e/calendar.ics: a@x: DTSTART is a floating time (neither UTC nor a defined TZID)",
		  "iCalendar /events/e/calendar.ics: a@x: DTEND is a floating time (neither UTC nor a defined TZID)",
		  "iCalendar /events/e/calendar.ics: a@x: ends before it starts",
		  "iCalendar /events/e/calendar.ics: a@x: URL http://x/gone/ is not a page of the site",
		  "iCalendar /events/e/calendar/t.ics: UID a@x names two different entries",
		]
	`);
});

test('BibTeX: an entry that differs between page and file, a field outside the data model, a missing date not excused without a page', () => {
	const report = checkBibtex(site);
	expect(lines(report.findings)).toMatchInlineSnapshot(`
		[
		  "BibTeX /events/e/citations.bib: entry k differs from the one on /c/: a citation must read the same everywhere",
		  "BibTeX /events/e/citations.bib: biber: u: Missing mandatory field - one of 'date, year' must be defined",
		  "BibTeX /events/e/citations.bib: biber: h: Invalid field 'howpublished' for entrytype 'article'",
		  "BibTeX /events/e/citations.bib: biber: h: Missing mandatory field 'journaltitle'",
		]
	`);
	expect(report.undated).toEqual([]);
});

test('html-validate: the stray end tag, with its line and column', async () => {
	const found = lines(await checkHtml(site));
	expect(found.some((f) => f.startsWith('html-validate /b/:') && f.includes('</span>'))).toBe(true);
	expect(found.filter((f) => f.startsWith('html-validate /:'))).toEqual([]);
});

test('Nu HTML Checker: the stray end tag and the missing alt, located; the clean page has none', () => {
	const found = lines(checkNu(site));
	expect(found.some((f) => /^nu \/b\/: \d+:\d+ Stray end tag “span”/.test(f))).toBe(true);
	expect(found.some((f) => /^nu \/a\/: \d+:\d+ An “img” element must have an “alt” attribute/.test(f))).toBe(true);
	expect(found.filter((f) => f.startsWith('nu /:'))).toEqual([]);
});

test('feeds: an empty <rss/> is refused by the parser, or at least for its missing channel and self link', () => {
	const found = lines(checkFeeds(site));
	expect(found.length).toBeGreaterThan(0);
	expect(found.every((f) => f.startsWith('feed /rss.xml: '))).toBe(true);
});

test('axe: the missing alt in light mode, the contrast only in dark mode', async () => {
	const found = lines(await checkAccessibility(site));
	expect(found.filter((f) => f.includes('image-alt'))).toEqual([expect.stringMatching(/^axe \(light\) \/a\/: image-alt/)]);
	expect(found.filter((f) => f.includes('color-contrast'))).toEqual([expect.stringMatching(/^axe \(dark\) \/b\/: color-contrast/)]);
});
