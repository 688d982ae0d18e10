// `npm run check:site [-- --dist <folder>]`: accessibility (axe, light and dark), html-validate, the Nu HTML Checker, RSS feeds, links
// and anchors, structured data and head meta, over every page of the built site. Prints a table of
// findings per check and exits 1 if there are any.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAccessibility } from './axe';
import { BuiltSite, type Finding } from './built-site';
import { checkHtml } from './html';
import { checkFeeds, feedPaths } from './feeds';
import { checkLinks } from './links';
import { checkNu } from './nu';
import { checkStructuredData } from './structured-data';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const dir = resolve(values.dist);
if (!existsSync(resolve(dir, 'index.html'))) {
	console.error(`${dir} has no index.html: build the site first (npm run build).`);
	process.exit(2);
}
const site = new BuiltSite(dir);
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
await run('axe, light and dark (sitemap pages)', crawled.length, () => checkAccessibility(site, crawled));

console.log('| check | pages | findings | time |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.check} | ${r.pages} | ${r.findings.length} | ${r.seconds.toFixed(1)} s |`);
const all = rows.flatMap((r) => r.findings);
for (const f of all) console.log(`${f.check} ${f.page}: ${f.message}`);
if (crawled.length === 0) console.log('The sitemap lists no pages: nothing was crawled for accessibility.');
process.exit(all.length > 0 || crawled.length === 0 ? 1 : 0);
