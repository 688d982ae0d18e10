// `npm run check:site [-- --dist <folder>]`: accessibility (axe, light and dark), html-validate, the Nu HTML Checker, RSS feeds, iCalendar files,
// BibTeX (biber), links and anchors, structured data and head meta (ours and Google's rules), over every page of the built site. Prints a table of
// findings per check and exits 1 if there are any.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAccessibility } from './axe';
import { bibPaths, checkBibtex, type BibReport } from './bibtex';
import { BuiltSite, servedBase, type Finding } from './built-site';
import { calendarPaths, checkCalendars } from './calendars';
import { checkHtml } from './html';
import { checkFeeds, feedPaths } from './feeds';
import { checkLinks } from './links';
import { checkNu } from './nu';
import { checkGoogle, type GoogleReport } from './google';
import { checkStructuredData } from './structured-data';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const dir = resolve(values.dist);
if (!existsSync(resolve(dir, 'index.html'))) {
	console.error(`${dir} has no index.html: build the site first (npm run build).`);
	process.exit(2);
}
// A site built for a sub-path (a GitHub Pages project site, /<repo>/) is checked where it is served:
// its files under that path in a scratch folder, so its links, sitemap and feeds resolve.
const base = servedBase(dir);
const served = base === '/' ? dir : mkdtempSync(join(tmpdir(), 'huiji-check-site-'));
if (served !== dir) cpSync(dir, join(served, base), { recursive: true });
const site = new BuiltSite(served, base);
const pages = site.pages();
const crawled = site.sitemapPages();

const rows: { check: string; pages: number; findings: Finding[]; seconds: number }[] = [];
const run = async (check: string, count: number, f: () => Finding[] | Promise<Finding[]>) => {
	const t = performance.now();
	rows.push({ check, pages: count, findings: await f(), seconds: (performance.now() - t) / 1000 });
};
await run('links and anchors', pages.length, () => checkLinks(site));
await run('html-validate (recommended)', pages.length, () => checkHtml(site));
await run('Nu HTML Checker (vnu-jar, errors)', pages.length, () => checkNu(site));
await run('RSS feeds (feedsmith + RSS best practices; feeds, not pages)', feedPaths(dir).length, () => checkFeeds(site));
await run('structured data and meta', pages.length, () => checkStructuredData(site));
await run('iCalendar (ical.js + RFC 5545 rules; .ics files, not pages)', calendarPaths(dir).length, () => checkCalendars(site));
let bib: BibReport = { findings: [], undated: [] };
await run('BibTeX (Better BibTeX parser + biber data model; .bib files, not pages)', bibPaths(dir).length, () => (bib = checkBibtex(site)).findings);
let google: GoogleReport = { findings: [], events: { eligible: [], notEligible: [] } };
await run("Google's structured-data rules (Event, Article, ProfilePage)", pages.length, () => (google = checkGoogle(site)).findings);
await run('axe, light and dark (sitemap pages)', crawled.length, () => checkAccessibility(site, crawled));

console.log('| check | pages | findings | time |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.check} | ${r.pages} | ${r.findings.length} | ${r.seconds.toFixed(1)} s |`);
const all = rows.flatMap((r) => r.findings);
for (const f of all) console.log(`${f.check} ${f.page}: ${f.message}`);
const { eligible, notEligible } = google.events;
console.log(`\nGoogle event results: ${eligible.length} of ${eligible.length + notEligible.length} event pages eligible.`);
for (const e of notEligible) console.log(`  not eligible ${e.page}: ${e.reason}`);
if (bib.undated.length > 0) console.log(`BibTeX: ${bib.undated.length} entr${bib.undated.length === 1 ? 'y' : 'ies'} without a date, as their sources print none (biblatex requires one; none is invented): ${bib.undated.join(', ')}`);
if (crawled.length === 0) console.log('The sitemap lists no pages: nothing was crawled for accessibility.');
if (served !== dir) rmSync(served, { recursive: true, force: true });
process.exit(all.length > 0 || crawled.length === 0 ? 1 : 0);
