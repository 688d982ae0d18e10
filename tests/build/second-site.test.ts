import { spawnSync } from 'node:child_process';
import sharp from 'sharp';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Session } from '../support/browser';
import { fixtureSite } from '../support/sites';
import { BuiltSite } from '../site-check/built-site';
import { checkFeeds } from '../site-check/feeds';
import { checkCalendars } from '../site-check/calendars';
import { readIndexFile } from '../../src/search/index-files';

// Another organisation's site (tests/fixtures/second-site): its own content/site.yaml, built for a
// GitHub Pages project site at https://lakeside.example.org/conf-archive/.
const site = fixtureSite('second');
const BASE = '/conf-archive/';
const ORIGIN = 'https://lakeside.example.org';
const pages = site.pages();
const html = (p: string) => readFileSync(site.fileFor(p)!, 'utf8');
/** Every text file the build wrote, by path in dist/. */
const textFiles = (dir = site.dist): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? (['pagefind', '_astro'].includes(e.name) ? [] : textFiles(join(dir, e.name))) : /\.(html|xml|json|bib|txt|css|ics)$/.test(e.name) ? [join(dir, e.name)] : [],
	);

describe('its identity comes from its own site.yaml, none from 会记', () => {
	test('every page carries its title, tagline, footer, logo and favicon', () => {
		for (const p of pages) {
			const tree = site.page(p);
			expect(toText(select('.brand-name', tree)!), p).toBe('湖畔论坛文库');
			expect(toText(select('.brand-tagline', tree)!), p).toBe('历届湖畔论坛实录');
			expect(toText(select('.site-footer', tree)!), p).toContain('本站内容由湖畔论坛秘书处整理。');
			expect(select('link[rel="icon"]', tree)!.properties.href, p).toBe(`${BASE}lakeside.svg`);
			expect(select('.brand-logo', tree)!.properties.src, p).toBe(`${BASE}lakeside.svg`);
		}
		expect(toText(select('title', site.page('/'))!)).toBe('湖畔论坛文库');
	});
	test('no file the build wrote names 会记 or the launch site’s description', () => {
		const leaks = textFiles().filter((f) => /会记|论坛与学术会议纪实|文章正文均照录原始稿件/.test(readFileSync(f, 'utf8')));
		expect(leaks).toEqual([]);
	});
	test('the navigation is the one site.yaml lists, its own link included', () => {
		const nav = selectAll('nav[aria-label="主导航"] a', site.page('/')).map((a) => [toText(a), a.properties.href]);
		expect(nav).toEqual([
			['活动', `${BASE}events/`],
			['嘉宾', `${BASE}speakers/`],
			['文章', `${BASE}articles/`],
			['机构', `${BASE}organizations/`],
			['论坛介绍', `${BASE}series/lakeside-forum/`],
		]);
	});
	test('its colours are in the stylesheet', () => {
		const css = readdirSync(join(site.dist, '_astro')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(site.dist, '_astro', f), 'utf8')).join('');
		expect(css).toContain('--accent:#1d4e89');
		expect(css).toContain('--accent:#8fb8ee');
	});
});

describe('names sort as Chinese indexes sort them', () => {
	test('the pinyin override and foreign family names decide the index letter', () => {
		const groups = selectAll('h2.initial', site.page('/speakers/')).map((h) => [toText(h), selectAll('.speaker-name', h.properties.id ? select(`[aria-labelledby="${h.properties.id}"]`, site.page('/speakers/'))! : h).map((a) => toText(a))]);
		expect(groups).toEqual([
			['O', ['欧阳明']],
			['W', ['万重山（湖畔大学）', '万重山（湖畔研究院）']],
			['X', ['约翰·轩尼诗（John Hennessy）']],
		]);
	});
});

describe('two people of one name are told apart everywhere a name is shown', () => {
	const people = { institute: '/speakers/wan-chongshan/', university: '/speakers/wan-chongshan-lakeside-university/' };
	test('each page: its own title and heading, and a link to the other', () => {
		const titles = Object.values(people).map((p) => toText(select('title', site.page(p))!));
		expect(titles[0]).toMatch(/^万重山（湖畔研究院） · /);
		expect(titles[1]).toMatch(/^万重山（湖畔大学） · /);
		for (const [page, other] of [[people.institute, people.university], [people.university, people.institute]]) {
			const note = select('[data-namesakes]', site.page(page!))!;
			expect(toText(note)).toMatch(/^另有同名嘉宾：万重山（湖畔(大学|研究院)）$/);
			expect(select('a', note)!.properties.href).toBe(`${BASE}${other!.slice(1)}`);
		}
		const ld = JSON.parse(toText(select('script[type="application/ld+json"]', site.page(people.university))!));
		expect([ld.mainEntity.name, ld.mainEntity.disambiguatingDescription]).toEqual(['万重山', '湖畔大学']);
	});
	test('agenda and article list the person with what tells them apart', () => {
		const agenda = selectAll('.agenda .speaker-name', site.page('/events/lakeside-forum-2022/')).map((a) => toText(a));
		expect(agenda).toContain('万重山（湖畔大学）');
		const people = selectAll('.speaker-name', site.page('/articles/lakeside-forum-2022-news/')).map((a) => [toText(a), a.properties.href]);
		expect(people).toContainEqual(['万重山（湖畔大学）', `${BASE}speakers/wan-chongshan-lakeside-university/`]);
	});
	test('someone without a namesake is shown by name alone', () => {
		expect(toText(select('h1', site.page('/speakers/ouyang-ming/'))!)).toBe('欧阳明');
		expect(select('[data-namesakes]', site.page('/speakers/ouyang-ming/'))).toBeUndefined();
	});
});

describe('what a source says became of an event', () => {
	test('moved online: shown on the page and told to crawlers, with the stream it moved to and the month it was in', () => {
		const page = site.page('/events/lakeside-forum-2022/');
		const facts = selectAll('dl.meta dt', page).map((dt) => toText(dt));
		expect(facts).toContain('状态');
		expect(toText(select('dl.meta', page)!)).toContain('改为线上举行');
		const ld = JSON.parse(toText(select('script[type="application/ld+json"]', page)!));
		expect(ld).toMatchObject({
			startDate: '2022-10',
			eventStatus: 'https://schema.org/EventMovedOnline',
			eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
			location: [{ '@type': 'VirtualLocation', url: 'https://lakeside.example.edu/live/', name: '湖畔大学官网' }],
		});
	});
});

describe('share pictures under the base path', () => {
	test("an article with a picture of its own shares it; an event its card, drawn in the site's own colour", async () => {
		const og = (path: string) => select('meta[property="og:image"]', site.page(path))?.properties.content;
		expect(og('/articles/lakeside-forum-2023-report/')).toBe(`${site.url}images/lakeside-2023-hall.png`);
		expect(og('/articles/lakeside-forum-2022-news/')).toBe(`${site.url}cards/event/lakeside-forum-2022.png`);
		expect(og('/events/lakeside-forum-2023/')).toBe(`${site.url}cards/event/lakeside-forum-2023.png`);
		// The accent bar on the card's left edge is the site's theme colour (#1d4e89), within the palette's rounding.
		const { data } = await sharp(site.fileFor('/cards/event/lakeside-forum-2023.png')!).extract({ left: 8, top: 300, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
		expect([...data.subarray(0, 3)].map((v, i) => Math.abs(v - [0x1d, 0x4e, 0x89][i]!) <= 8)).toEqual([true, true, true]);
	});
});

describe('citations of a newspaper article read online', () => {
	test('GB/T 7714 [N/OL] with its date, 版次, 引用日期 and the original URL; biblatex with pages, url and urldate', () => {
		const page = site.page('/articles/lakeside-forum-2023-report/');
		expect(toText(select('#cite-gbt', page)!)).toBe('湖畔论坛聚焦体系结构创新[N/OL]. 湖畔通讯, 2023-10-16(2)[2026-11-30]. https://news.lakeside.example.edu/2023/10/16/forum.html.');
		const bib = toText(select('#cite-bibtex', page)!);
		expect(bib).toMatch(/^@article\{/);
		for (const field of ['journaltitle = {湖畔通讯}', 'pages = {2}', 'url = {https://news.lakeside.example.edu/2023/10/16/forum.html}', 'urldate = {2026-11-30}']) expect(bib).toContain(field);
	});
});

describe(`built for the sub-path ${BASE}`, () => {
	test('every link, asset, feed, sitemap entry, canonical URL and JSON-LD URL is under it', () => {
		const wrong: string[] = [];
		for (const file of textFiles()) {
			const text = readFileSync(file, 'utf8');
			for (const m of text.matchAll(/(?:href|src|action)="([^"]+)"/g)) if (m[1]!.startsWith('/') && !m[1]!.startsWith(BASE)) wrong.push(`${file}: ${m[1]}`);
			for (const m of text.matchAll(/https:\/\/lakeside\.example\.org[^\s"<>)]*/g)) if (!m[0].startsWith(`${ORIGIN}${BASE}`)) wrong.push(`${file}: ${m[0]}`);
		}
		expect(wrong).toEqual([]);
		expect(select('link[rel="canonical"]', site.page('/events/lakeside-forum-2023/'))!.properties.href).toBe(`${ORIGIN}${BASE}events/lakeside-forum-2023/`);
		expect(readFileSync(join(site.dist, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${ORIGIN}${BASE}speakers/john-hennessy/</loc>`);
		expect(html('/articles/lakeside-forum-2023-report/')).toContain(`"url":"${ORIGIN}${BASE}articles/lakeside-forum-2023-report/"`);
	});
	test('every feed links to the page it is about and to itself, under the base path (an independent parser reads them)', () => {
		expect(checkFeeds(new BuiltSite(site.dist))).toEqual([]);
		const feed = readFileSync(join(site.dist, 'speakers/ouyang-ming/rss.xml'), 'utf8');
		expect(feed).toContain(`<link>${ORIGIN}${BASE}speakers/ouyang-ming/</link>`);
		expect(feed).toContain(`<atom:link href="${ORIGIN}${BASE}speakers/ouyang-ming/rss.xml" rel="self"`);
	});

	test('links an editor writes in a body as /articles/… gain the base path', () => {
		const links = selectAll('.prose a:not(.picture-original)', site.page('/events/lakeside-forum-2023/')).map((a) => a.properties.href);
		expect(links).toEqual([`${BASE}articles/lakeside-forum-2023-report/`]);
	});
});

describe(`served at ${BASE}, as GitHub Pages serves a project site`, () => {
	let s: Session;
	beforeAll(async () => {
		s = await openSite(site.dist, BASE);
	});
	afterAll(() => s?.close());

	test('a crawl from the home page reaches every page, with no request outside the path and none missing', async () => {
		const seen = new Set<string>();
		const failed: string[] = [];
		s.page.on('response', (r) => {
			if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
		});
		// From the home page, and the search page its search form leads to.
		const queue = [`${s.base}/`, `${s.base}/search/`];
		while (queue.length > 0) {
			const url = queue.shift()!;
			if (seen.has(url)) continue;
			seen.add(url);
			await s.page.goto(url);
			const links = await s.page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
			for (const link of links) {
				const u = new URL(link);
				u.hash = '';
				if (u.origin === new URL(s.base).origin && u.pathname.endsWith('/') && !seen.has(u.href)) queue.push(u.href);
			}
		}
		const crawled = [...seen].map((u) => new URL(u).pathname.slice(BASE.length - 1)).sort();
		// Every page but those at retired addresses (a merged person's former id), which nothing links to.
		const retired = (p: string) => select('meta[http-equiv="refresh"]', site.page(p)) !== undefined;
		expect(crawled).toEqual(pages.filter((p) => p.endsWith('/') && !retired(p)).sort());
		expect(pages.filter(retired)).toEqual(['/speakers/hennessy/']);
		expect(failed).toEqual([]);
		expect(s.requests.filter((r) => !r.startsWith(BASE))).toEqual([]);
		expect([...s.externalHosts]).toEqual([]);
		expect(s.consoleProblems).toEqual([]);
	});

	test('search answers under the sub-path: exact results and their links', async () => {
		await s.page.goto(`${s.base}/search/?q=${encodeURIComponent('轩尼诗')}`);
		await s.page.locator('#search-results[data-search-state="done"]').waitFor();
		const exact = await s.page.locator('[data-search-result][data-match="exact"] a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		expect(exact[0]).toBe(`${BASE}speakers/john-hennessy/`);
		expect(exact).toEqual(expect.arrayContaining([`${BASE}articles/lakeside-forum-2023-report/`, `${BASE}events/lakeside-forum-2023/`]));
		await s.page.locator('[data-search-result] a').first().click();
		await s.page.waitForURL(`**${BASE}speakers/john-hennessy/`);
		expect(s.requests.filter((r) => !r.startsWith(BASE))).toEqual([]);
		expect(s.consoleProblems).toEqual([]);
	});

	test('search: both namesakes found, each its own result and its own speaker filter', async () => {
		await s.page.goto(`${s.base}/search/?q=${encodeURIComponent('万重山')}`);
		await s.page.locator('#search-filters[data-filters-state="done"]').waitFor();
		const titles = await s.page.locator('[data-search-result][data-match="exact"] h3').allTextContents();
		expect(titles).toEqual(expect.arrayContaining(['万重山（湖畔大学）', '万重山（湖畔研究院）']));
		const options = await s.page.locator('[data-filter="speaker"] .filter-option').evaluateAll((ls) => ls.map((l) => (l.querySelector('input') as HTMLInputElement).value));
		expect(options).toEqual(expect.arrayContaining(['万重山（湖畔大学）', '万重山（湖畔研究院）']));
		await s.page.locator('[data-filter="speaker"] input[value="万重山（湖畔大学）"]').check();
		await s.page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('data-search-state') === 'done' && /speaker=/.test(location.search));
		await s.page.locator('#search-results[data-search-state="done"]').waitFor();
		const filtered = await s.page.locator('[data-search-result][data-match="exact"] a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		expect(filtered).toContain(`${BASE}speakers/wan-chongshan-lakeside-university/`);
		expect(filtered).not.toContain(`${BASE}speakers/wan-chongshan/`);
		expect(s.consoleProblems).toEqual([]);
	});

	test('related results come from Pagefind under the sub-path', async () => {
		// No page holds both words: the page offers pages holding one of them.
		await s.page.goto(`${s.base}/search/?q=${encodeURIComponent('轩尼诗 湖畔大学官网')}`);
		await s.page.locator('#search-results[data-search-state="done"]').waitFor();
		const related = await s.page.locator('[data-search-result][data-match="related"] a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		expect(related.length).toBeGreaterThan(0);
		for (const url of related) expect(url.startsWith(BASE)).toBe(true);
		// A phrase no page holds, sharing a word with many: Pagefind's suggestions, loaded from under the base path.
		await s.page.goto(`${s.base}/search/?q=${encodeURIComponent('湖畔茶会')}`);
		await s.page.locator('#search-results[data-search-state="done"]').waitFor();
		const suggested = await s.page.locator('[data-search-result]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-match'), new URL(e.querySelector('a')!.href).pathname]));
		expect(suggested.length).toBeGreaterThan(0);
		for (const [match, url] of suggested) expect([match, url!.startsWith(BASE)]).toEqual(['related', true]);
		expect(s.requests).toContain(`${BASE}pagefind/pagefind.js`);
		expect(s.requests.filter((r) => !r.startsWith(BASE))).toEqual([]);
		expect(s.consoleProblems).toEqual([]);
	});
});

describe('a timed two-day programme: the schedule by day and session, and calendars', () => {
	const event = () => site.page('/events/lakeside-forum-2023/');
	test('days, sessions with their hours, rooms and chairs, and each talk’s time, as the programme gives them', () => {
		expect(selectAll('.schedule-day h3', event()).map((h) => toText(h))).toEqual(['2023年10月14日', '2023年10月15日']);
		expect(selectAll('.schedule-session h4', event()).map((h) => toText(h))).toEqual(['开幕式', '分论坛一：体系结构']);
		const meta = selectAll('.schedule-session-meta', event()).map((p) => toText(p));
		expect(meta[0]).toContain('09:00–10:30 · 主会场');
		expect(meta[0]).toContain('主持：欧阳明');
		expect(selectAll('.agenda-time', event()).map((t) => [toText(t), t.properties.dateTime])).toEqual([
			['09:30–10:15', '2023-10-14T09:30'],
			['14:00–14:20', '2023-10-15T14:00'],
		]);
		// The panel has a day and no time: under its day, untimed, with nothing to add to a calendar.
		const panel = selectAll('.agenda-item', event()).find((li) => toText(li).includes('芯片设计的开放生态'))!;
		expect(select('.agenda-time', panel)).toBeUndefined();
		expect(select('.agenda-calendar', panel)).toBeUndefined();
		expect(toText(select('.schedule-zone', event())!)).toBe('时间均为北京时间。');
		// A chair was there: among the event's people, and the event on their page.
		expect(selectAll('#speakers ~ ul .speaker-name', event()).map((a) => toText(a))).toContain('欧阳明');
		expect(selectAll('a', site.page('/speakers/ouyang-ming/')).map((a) => a.properties.href)).toContain(`${BASE}events/lakeside-forum-2023/`);
	});
	test('“添加到日历” on the event, each timed talk and the speaker leads to a calendar file the site has', () => {
		const links = [...selectAll('.calendar-link, .agenda-calendar a', event()), ...selectAll('.feed-links a[href$=".ics"]', site.page('/speakers/john-hennessy/'))].map((a) => String(a.properties.href));
		expect(links).toEqual([
			`${BASE}events/lakeside-forum-2023/calendar.ics`,
			`${BASE}events/lakeside-forum-2023/calendar/2023-10-14T0930-john-hennessy.ics`,
			`${BASE}events/lakeside-forum-2023/calendar/2023-10-15T1400-wan-chongshan.ics`,
			`${BASE}speakers/john-hennessy/calendar.ics`,
		]);
		for (const href of links) expect(site.fileFor(href.slice(BASE.length - 1)), href).toBeDefined();
	});
	test('every calendar file is valid iCalendar as ical.js reads it, UIDs consistent across files', () => {
		expect(checkCalendars(new BuiltSite(site.dist))).toEqual([]);
	});
	test('a talk’s recording, slides and photo, each with its caption and credit, on the event and the speaker’s page; files served by the site', () => {
		const keynote = selectAll('.agenda-item', event()).find((li) => toText(li).includes('新黄金时代'))!;
		const items = (root: Parameters<typeof selectAll>[1]) => selectAll('.media-list li', root).map((li) => [toText(select('.badge', li)!), select('a', li)!.properties.href, toText(li)]);
		expect(items(keynote).map(([kind, href]) => [kind, href])).toEqual([
			['录像', 'https://www.bilibili.com/video/BV1xx411c7mD'],
			['幻灯片', `${BASE}media/lakeside-2023-keynote.pdf`],
			['照片', `${BASE}images/lakeside-2023-hall.png`],
		]);
		expect(items(keynote)[1]![2]).toContain('PDF');
		expect(items(keynote)[2]![2]).toContain('（湖畔论坛组委会 摄）');
		for (const [, href] of items(keynote).filter(([, h]) => String(h).startsWith(BASE))) expect(site.fileFor(String(href).slice(BASE.length - 1)), String(href)).toBeDefined();
		expect(items(select('section[aria-labelledby="media"]', event())!).map(([kind, href]) => [kind, href])).toEqual([['录像', 'https://www.youtube.com/watch?v=lakeside2023']]);
		expect(items(site.page('/speakers/john-hennessy/')).map(([, href]) => href)).toContain(`${BASE}media/lakeside-2023-keynote.pdf`);
	});
	test('in JSON-LD: recordings as recordedIn, slides as workFeatured, photos as subjectOf', () => {
		const data = JSON.parse(toText(select('script[type="application/ld+json"]', event())!));
		expect(data.recordedIn.map((w: { url: string }) => w.url)).toEqual(['https://www.youtube.com/watch?v=lakeside2023', 'https://www.bilibili.com/video/BV1xx411c7mD']);
		expect(data.workFeatured).toEqual([{ '@type': 'PresentationDigitalDocument', name: '报告幻灯片', url: `${ORIGIN}${BASE}media/lakeside-2023-keynote.pdf`, creditText: '约翰·轩尼诗' }]);
		expect(data.subjectOf[0]).toMatchObject({ '@type': 'ImageObject', contentUrl: `${ORIGIN}${BASE}images/lakeside-2023-hall.png`, creditText: '湖畔论坛组委会 摄' });
	});
	test('in JSON-LD: each timed talk is a subEvent at its instants in Beijing time, in its room, with its speakers; the untimed panel is not', () => {
		const data = JSON.parse(toText(select('script[type="application/ld+json"]', event())!));
		const person = (id: string, name: string) => ({ '@type': 'Person', name, url: `${ORIGIN}${BASE}speakers/${id}/` });
		expect(data.subEvent).toEqual([
			{ '@type': 'Event', name: '计算机体系结构的新黄金时代', startDate: '2023-10-14T09:30:00+08:00', endDate: '2023-10-14T10:15:00+08:00', location: { '@type': 'Place', name: '主会场' }, performer: [person('john-hennessy', '约翰·轩尼诗')] },
			{ '@type': 'Event', name: '发言：万重山', startDate: '2023-10-15T14:00:00+08:00', endDate: '2023-10-15T14:20:00+08:00', location: { '@type': 'Place', name: '第二会议室' }, performer: [person('wan-chongshan', '万重山')] },
		]);
	});
	test('an event known to the month, with no times: the plain agenda, no calendar', () => {
		const page = site.page('/events/lakeside-forum-2022/');
		expect(select('.schedule-day', page)).toBeUndefined();
		expect(select('.agenda', page)).toBeDefined();
		expect(select('.calendar-link', page)).toBeUndefined();
	});
});

describe('images in a body are served from the site as responsive pictures', () => {
	const bodies = ['/articles/lakeside-forum-2023-report/', '/events/lakeside-forum-2023/'];
	const pictures = () => bodies.flatMap((p) => selectAll('.prose picture', site.page(p)));
	/** A srcset's files as paths in dist/, with the width each is said to be. */
	const candidates = (srcset: unknown) =>
		String(srcset)
			.split(', ')
			.map((c) => {
				const [url, w] = c.split(' ');
				expect(url!.startsWith(BASE), url).toBe(true);
				return { file: join(site.dist, decodeURI(url!.slice(BASE.length))), width: Number(w!.slice(0, -1)) };
			});

	test('every image of a body is a picture: AVIF, then WebP, in several widths, each file the format and width it claims', async () => {
		expect(bodies.map((p) => selectAll('.prose img', site.page(p)).length)).toEqual([1, 1]);
		expect(pictures()).toHaveLength(2);
		for (const picture of pictures()) {
			const sources = selectAll('source', picture);
			expect(sources.map((s) => s.properties.type)).toEqual(['image/avif', 'image/webp']);
			for (const source of sources) {
				const files = candidates(source.properties.srcSet);
				expect(files.length).toBeGreaterThan(1);
				for (const { file, width } of files) {
					const meta = await sharp(file).metadata();
					// sharp names AVIF's container, HEIF.
					expect([meta.format === 'heif' ? 'image/avif' : `image/${meta.format}`, meta.width], file).toEqual([source.properties.type, width]);
				}
			}
		}
	});
	test('the <img> has the width and height it is shown at, so nothing shifts: a portrait photograph (EXIF-rotated) stays portrait', async () => {
		const [landscape, portrait] = pictures().map((p) => select('img', p)!.properties);
		expect([landscape!.width, landscape!.height]).toEqual([640, 360]);
		expect([portrait!.width, portrait!.height]).toEqual([640, 853]);
		// The copy for browsers without AVIF or WebP is drawn upright too.
		const fallback = await sharp(join(site.dist, String(portrait!.src).slice(BASE.length))).metadata();
		expect([fallback.format, fallback.width, fallback.height]).toEqual(['jpeg', 640, 853]);
		expect(portrait!.alt).toBe('湖畔会议中心讲台（测试用示意图，竖拍照片）');
	});
	test('a photo in a talk’s media is a thumbnail linking to the original, the link named by its caption; on the speaker’s page too', async () => {
		for (const p of ['/events/lakeside-forum-2023/', '/speakers/john-hennessy/']) {
			const link = select('.media-photo a', site.page(p))!;
			expect([link.properties.href, toText(link)], p).toEqual([`${BASE}images/lakeside-2023-hall.png`, '主会场']);
			const img = select('picture img', link)!;
			expect([img.properties.alt, img.properties.width, img.properties.height], p).toEqual(['', 256, 144]);
			for (const source of selectAll('picture source', link)) {
				for (const { file, width } of candidates(source.properties.srcSet)) expect((await sharp(file).metadata()).width, file).toBe(width);
			}
		}
	});
	test('a picture larger than the column links to its original, which the site serves', () => {
		for (const p of bodies) {
			const link = select('.prose a.picture-original', site.page(p))!;
			expect(select('picture', link), p).toBeDefined();
			const href = String(link.properties.href);
			expect(href.startsWith(`${BASE}images/`), href).toBe(true);
			expect(existsSync(join(site.dist, href.slice(BASE.length))), href).toBe(true);
		}
	});
});

describe('a merged speaker’s former id keeps its address', () => {
	const moved = () => site.page('/speakers/hennessy/');
	test('the old URL is a page that sends readers on: refresh, canonical and a link to the person, not indexed', () => {
		const target = `${ORIGIN}${BASE}speakers/john-hennessy/`;
		expect(select('meta[http-equiv="refresh"]', moved())!.properties.content).toBe(`0; url=${target}`);
		expect(select('link[rel="canonical"]', moved())!.properties.href).toBe(target);
		expect(select('meta[name="robots"]', moved())!.properties.content).toBe('noindex');
		expect(select('main a[href]', moved())!.properties.href).toBe(`${BASE}speakers/john-hennessy/`);
		expect(toText(select('h1', moved())!)).toBe('约翰·轩尼诗（页面已迁移）');
	});
	test('it is neither in the sitemap nor in search', () => {
		expect(readFileSync(join(site.dist, 'sitemap-0.xml'), 'utf8')).not.toContain(`${BASE}speakers/hennessy/<`);
		const docs = readdirSync(join(site.dist, 'search-index/docs')).map((f) => JSON.stringify(readIndexFile(join(site.dist, 'search-index/docs'), f))).join('');
		expect(docs).not.toContain(`${BASE}speakers/hennessy/"`);
		expect(docs).toContain(`${BASE}speakers/john-hennessy/"`);
	});
});

test('npm run check:site judges the sub-path site as served, schedule, calendars and retired address included: no finding', () => {
	const run = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['tests/site-check/cli.ts', '--dist', site.dist], { encoding: 'utf8' });
	expect(run.stdout).toMatch(/\| iCalendar [^|]+\| [1-9]\d* \| 0 \|/);
	expect(run.stdout).toMatch(/\| axe, light and dark \(sitemap pages\) \| [1-9]\d* \| 0 \|/);
	expect(run.status, run.stdout + run.stderr).toBe(0);
}, 240_000);
