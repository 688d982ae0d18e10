import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { jsonLdText } from '../../src/lib/structured-data';
import { loadRecords } from '../support/content';
import { fixtureSite } from '../support/sites';
import { checkBibtex } from '../site-check/bibtex';
import { checkGoogle } from '../site-check/google';
import { pngSize } from '../site-check/structured-data';

// What machines read from the built site: feeds, structured data, citations, meta, and the policy.
const { pages: builtPages, fileFor, page, built } = fixtureSite('proceedings');
const records = loadRecords();
const published = records.articles.filter((a) => !a.draft);
const SITE = 'http://localhost:4321';

const jsonLd = (path: string) => JSON.parse(toText(select('script[type="application/ld+json"]', page(path))!)) as Record<string, any>;
const meta = (path: string, name: string) => (selectAll(`meta[name="${name}"]`, page(path)) as Element[]).map((m) => String(m.properties.content));
const feedItems = (path: string) => [...readFileSync(fileFor(path)!, 'utf8').matchAll(/<item><title>([^<]*)<\/title><link>([^<]*)<\/link>/g)].map((m) => new URL(m[2]!).pathname);
const listed = (path: string, section: string) =>
	(selectAll(`section[aria-labelledby="${section}"] .card-title a, section[aria-labelledby="${section}"] h3 a`, page(path)) as Element[]).map((a) => String(a.properties.href));

describe('JSON-LD', () => {
	test('a speaker: a ProfilePage about the Person, with every name variant, titles and affiliations', () => {
		const profile = jsonLd('/speakers/e-weinan/');
		expect(profile).toMatchObject({ '@type': 'ProfilePage', url: `${SITE}/speakers/e-weinan/` });
		const person = profile.mainEntity;
		expect(person).toMatchObject({ '@type': 'Person', name: '鄂维南', url: `${SITE}/speakers/e-weinan/` });
		expect(person.alternateName).toEqual(expect.arrayContaining(['E Weinan', 'Weinan E', 'eweinan']));
		expect(person.jobTitle).toContain('院士');
		expect(person.affiliation.map((o: { name: string }) => o.name)).toContain('北京科学智能研究院');
		expect(jsonLd('/speakers/hugo-aerts/').mainEntity.alternateName).toEqual(expect.arrayContaining(['Hugo Aerts']));
	});

	test('an event: dates, a postal address, organiser, performers, its series, and held as scheduled once a recap says so', () => {
		const event = jsonLd('/events/ai-for-science-summit-2023/');
		expect(event).toMatchObject({
			'@type': 'Event',
			startDate: '2023-08-10',
			endDate: '2023-08-11',
			eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
			eventStatus: 'https://schema.org/EventScheduled',
			location: [{ '@type': 'Place', name: '北京', address: { '@type': 'PostalAddress', addressLocality: '北京' } }],
		});
		expect(event.organizer).toEqual([{ '@type': 'Organization', name: '北京科学智能研究院' }]);
		expect(event.performer.map((p: { name: string }) => p.name)).toContain('鄂维南');
		expect(event.superEvent.map((s: { name: string }) => s.name)).toEqual(['中关村论坛系列活动', '科学智能峰会']);
		expect(jsonLd('/events/pudong-large-model-salon-2024/').location).toEqual([
			{ '@type': 'Place', name: '张江科学城', address: { '@type': 'PostalAddress', addressLocality: '上海' } },
		]);
		// An online summit whose source gives the site that carried the stream; only announced, so no status.
		const online = jsonLd('/events/ai-for-science-summit-2022/');
		expect(online.location).toEqual([expect.objectContaining({ '@type': 'VirtualLocation', url: 'http://ai4ssummit.bjaisi.com/' })]);
		expect(online.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
		expect(online.eventStatus).toBeUndefined();
		// Streamed, with no format, address or stream address in its sources: nothing is made up.
		const streamed = jsonLd('/events/cell-science-beijing-2022/');
		expect([streamed.location, streamed.eventAttendanceMode]).toEqual([undefined, undefined]);
	});

	test('dates keep their precision: a year-only event starts in “2024”, never on an invented day', () => {
		for (const e of records.events) expect(jsonLd(`/events/${e.id}/`).startDate).toBe(e.start.iso);
		expect(records.events.some((e) => e.start.precision === 'year')).toBe(true);
	});

	test("Google's rules: no finding on any page; events with a day and an address are eligible, the others say what is missing", () => {
		const report = checkGoogle(built);
		expect(report.findings).toEqual([]);
		expect(report.events.eligible).toEqual(expect.arrayContaining(['/events/ai-for-science-summit-2022/', '/events/ai-for-science-summit-2023/', '/events/pudong-large-model-salon-2024/']));
		const reasons = Object.fromEntries(report.events.notEligible.map((e) => [e.page, e.reason]));
		expect(reasons['/events/global-digital-economy-conference-2024/']).toMatch(/“2024”, without a day/);
		expect(reasons['/events/cell-science-beijing-2022/']).toMatch(/venue\.city or livestream\.url/);
	});

	test('the home page: the site and its search, whose template lands on the search page', () => {
		const data = jsonLd('/');
		expect(data['@type']).toBe('WebSite');
		const template: string = data.potentialAction.target.urlTemplate;
		expect(template).toBe(`${SITE}/search/?q={search_term_string}`);
		expect(fileFor(new URL(template).pathname)).toBeDefined();
	});

	test('list pages: a CollectionPage listing, in order, the entries the page links to', () => {
		for (const path of ['/articles/', '/events/', '/speakers/', '/topics/', '/organizations/', '/topics/medical-imaging/', '/series/ai-for-science-summit/']) {
			const data = jsonLd(path);
			expect(data['@type']).toBe('CollectionPage');
			const urls = data.mainEntity.itemListElement.map((i: { url: string }) => new URL(i.url).pathname);
			expect(urls.length).toBeGreaterThan(0);
			const links = new Set((selectAll('main a[href]', page(path)) as Element[]).map((a) => String(a.properties.href)));
			for (const u of urls) expect(links.has(u), `${path} lists ${u} in JSON-LD, not on the page`).toBe(true);
			expect(data.mainEntity.numberOfItems).toBe(urls.length);
		}
	});

	test('every article: its events as about, its people as mentions, the original publication (not a file of ours) as isBasedOn', () => {
		for (const a of published) {
			const data = jsonLd(`/articles/${a.id}/`);
			expect(data.headline).toBe(a.title);
			expect((data.about ?? []).map((e: { url: string }) => new URL(e.url).pathname)).toEqual(a.events.map((id) => `/events/${id}/`));
			expect((data.mentions ?? []).map((p: { url: string }) => new URL(p.url).pathname)).toEqual(a.people.map((p) => `/speakers/${p.speaker}/`));
			expect(data.isBasedOn.name).toBe(a.title);
			expect(JSON.stringify(data)).not.toContain('seeds/');
			if (a.source.outlet) expect(data.isBasedOn.publisher).toEqual({ '@type': 'Organization', name: a.source.outlet });
			if (a.source.url) expect(data.isBasedOn.url).toBe(a.source.url);
			if (a.date) expect(data.isBasedOn.datePublished).toBe(a.date.iso);
			if (a.source.outlet) expect(data.publisher).toEqual({ '@type': 'Organization', name: a.source.outlet });
		}
	});

	test('no JSON-LD on any page has an empty list (author: [] says nothing, and validators flag it)', () => {
		const empty: string[] = [];
		const walk = (value: unknown, at: string) => {
			if (Array.isArray(value)) {
				if (value.length === 0) empty.push(at);
				value.forEach((v, i) => walk(v, `${at}[${i}]`));
			} else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
		};
		for (const path of builtPages()) {
			for (const script of selectAll('script[type="application/ld+json"]', page(path))) walk(JSON.parse(toText(script)), path);
		}
		expect(empty).toEqual([]);
	});

	test('“<” cannot end the script early', () => {
		const text = jsonLdText({ headline: '</script><script>alert(1)</script>' });
		expect(text).not.toContain('<');
		expect(JSON.parse(text).headline).toBe('</script><script>alert(1)</script>');
	});
});

describe('share cards', () => {
	const og = (path: string, property: string) => select(`meta[property="${property}"]`, page(path))?.properties.content;
	test('every event and speaker page shares its own 1200×630 card, named in og:image, twitter:image and JSON-LD', () => {
		const entries = [...records.events.map((e) => ['event', e.id, `/events/${e.id}/`]), ...records.speakers.filter((s) => !s.draft).map((s) => ['speaker', s.id, `/speakers/${s.id}/`])];
		for (const [kind, id, path] of entries) {
			const url = `${SITE}/cards/${kind}/${id}.png`;
			expect([path, og(path!, 'og:image'), og(path!, 'og:image:width'), og(path!, 'og:image:height')]).toEqual([path, url, '1200', '630']);
			expect(select('meta[name="twitter:image"]', page(path!))?.properties.content).toBe(url);
			const ld = jsonLd(path!);
			expect(kind === 'speaker' ? ld.mainEntity.image : ld.image).toBe(url);
			expect(pngSize(readFileSync(fileFor(`/cards/${kind}/${id}.png`)!))).toEqual({ width: 1200, height: 630 });
		}
	});
	test("an article shares its first event's card (none of the frozen articles has an image of its own in the repository), else the site's", () => {
		for (const a of published) {
			const want = a.events[0] ? `${SITE}/cards/event/${a.events[0]}.png` : `${SITE}/cards/site/home.png`;
			expect([a.id, og(`/articles/${a.id}/`, 'og:image'), jsonLd(`/articles/${a.id}/`).image]).toEqual([a.id, want, want]);
		}
		expect(og('/', 'og:image')).toBe(`${SITE}/cards/site/home.png`);
		expect(pngSize(readFileSync(fileFor('/cards/site/home.png')!))).toEqual({ width: 1200, height: 630 });
	});
});

describe('feeds', () => {
	test('the site feed lists published articles, and every page links it', () => {
		// How many, and which, is the article list's test (generator-pages.test.ts: the newest feedSize).
		const ids = new Set(published.map((a) => `/articles/${a.id}/`));
		const items = feedItems('/rss.xml');
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(ids.has(item)).toBe(true);
		for (const path of builtPages().filter((p) => p.endsWith('/'))) {
			expect(select('link[rel=alternate][type="application/rss+xml"][href="/rss.xml"]', page(path))).toBeDefined();
		}
	});

	test('an event’s and a speaker’s feed list the articles their pages list, linked from their heads', () => {
		for (const e of records.events) {
			expect(feedItems(`/events/${e.id}/rss.xml`)).toEqual(listed(`/events/${e.id}/`, 'coverage'));
			expect(select(`link[rel=alternate][href="/events/${e.id}/rss.xml"]`, page(`/events/${e.id}/`))).toBeDefined();
		}
		for (const s of records.speakers) {
			expect(feedItems(`/speakers/${s.id}/rss.xml`)).toEqual(listed(`/speakers/${s.id}/`, 'articles'));
		}
		expect(feedItems('/speakers/e-weinan/rss.xml').length).toBeGreaterThan(0);
	});

	test('a date known only to the year gets no invented day', () => {
		const xml = readFileSync(fileFor('/rss.xml')!, 'utf8');
		const item = xml.slice(xml.indexOf('<item><title>“5G+AI”为朱鹮保护插上科技翅膀'));
		expect(item.slice(0, item.indexOf('</item>'))).not.toContain('<pubDate>');
		// A known day is given (an event's feed lists all of its articles; the site feed only the newest).
		expect(readFileSync(fileFor('/events/ai-for-science-summit-2023/rss.xml')!, 'utf8')).toContain('<pubDate>Fri, 11 Aug 2023 00:00:00 GMT</pubDate>');
	});
});

describe('citations', () => {
	test('each article shows GB/T 7714-2015 and BibTeX forms of the original publication, never of our copy', () => {
		const path = '/articles/ai-for-science-summit-2023-observation/';
		// An outlet of unstated kind is GB/T's “other” [Z]; with no original URL known, none is cited.
		expect(toText(select('#cite-gbt', page(path))!)).toBe('凌纪伟. 向着新一轮科学革命制高点攀登——2023全球科学智能峰会观察[Z]//新华网. 2023.');
		const bib = new Cite(toText(select('#cite-bibtex', page(path))!)).data[0];
		expect(bib).toMatchObject({ title: '向着新一轮科学革命制高点攀登——2023全球科学智能峰会观察', publisher: '新华网' });
		for (const a of published) {
			const cite = toText(select('#cite-gbt', page(`/articles/${a.id}/`))!) + toText(select('#cite-bibtex', page(`/articles/${a.id}/`))!);
			expect(cite).toContain(a.title);
			expect(cite).not.toContain(SITE);
		}
	});

	test('each event with coverage offers a .bib of all its articles, which reads back', () => {
		for (const e of records.events) {
			const articles = published.filter((a) => a.events.includes(e.id));
			const link = select('a[href$="citations.bib"]', page(`/events/${e.id}/`));
			if (articles.length === 0) {
				expect(link).toBeUndefined();
				continue;
			}
			expect(link?.properties.href).toBe(`/events/${e.id}/citations.bib`);
			const entries = new Cite(readFileSync(fileFor(`/events/${e.id}/citations.bib`)!, 'utf8')).data as { title: string }[];
			expect(entries.map((x) => x.title).sort()).toEqual(articles.map((a) => (a.subtitle ? `${a.title}：${a.subtitle}` : a.title)).sort());
		}
	});

	test('articles carry Highwire citation_* meta for Google Scholar', () => {
		const path = '/articles/ai-for-science-summit-2023-observation/';
		expect(meta(path, 'citation_title')).toEqual(['向着新一轮科学革命制高点攀登——2023全球科学智能峰会观察']);
		expect(meta(path, 'citation_author')).toEqual(['凌纪伟']);
		expect(meta(path, 'citation_publication_date')).toEqual(['2023/08/11']);
		expect(meta(path, 'citation_journal_title')).toEqual(['新华网']);
	});
});

describe('BibTeX as biber reads it', () => {
	test('every entry within biblatex\'s data model and the same on every page and file; only the undated sources lack a date', () => {
		const report = checkBibtex(built);
		expect(report.findings).toEqual([]);
		expect(report.undated.sort()).toEqual(published.filter((a) => !a.date).map((a) => `/articles/${a.id}/`).sort());
	});
});

describe('policy and outbound links', () => {
	test('every page has a CSP that allows Pagefind and nothing inline without a hash', () => {
		for (const path of builtPages()) {
			const csp = String(select('meta[http-equiv="content-security-policy"]', page(path))?.properties.content ?? '');
			expect(csp, path).toContain("default-src 'self'");
			expect(csp, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')*;/);
			expect(csp, path).toContain("worker-src 'self'");
			expect(csp, path).not.toContain('unsafe-inline');
		}
	});

	test('links to other sites open no window handle back; their images get no referrer', () => {
		let links = 0;
		for (const path of builtPages()) {
			for (const a of selectAll('a[href^="http"]', page(path)) as Element[]) {
				links++;
				expect([path, a.properties.rel]).toEqual([path, expect.arrayContaining(['noopener'])]);
			}
			for (const img of selectAll('img[src^="http"]', page(path)) as Element[]) expect([path, img.properties.referrerPolicy]).toEqual([path, 'no-referrer']);
		}
		expect(links).toBeGreaterThan(0);
	});
});
