import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { filesUnder } from '../../src/lib/file-signature';
import { pngSize } from '../site-check/structured-data';
import { buildSite, SITES } from '../support/sites';

// Share cards are drawn on a thread of their own and kept by what they show: an edit must redraw
// the cards that show it, and only those; a card no page has any more must not stay in the cache.
const work = mkdtempSync(join(tmpdir(), 'huiji-cards-'));
const content = join(work, 'site');
const EVENT = 'content/events/lakeside-forum-2022.md';
const cards = () => new Map(filesUnder(join(work, 'dist/cards')).map((f) => [f, readFileSync(join(work, 'dist/cards', f))]));

let before: Map<string, Buffer>;
let after: Map<string, Buffer>;
let output = '';
beforeAll(() => {
	cpSync(SITES.second.root, content, { recursive: true });
	const first = buildSite(content, work, SITES.second.url);
	expect(first.status, first.output).toBe(0);
	before = cards();
	const file = join(content, EVENT);
	writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, 'name: 第四届湖畔论坛（改期）'));
	const second = buildSite(content, work, SITES.second.url);
	expect(second.status, second.output).toBe(0);
	output = second.output;
	after = cards();
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('an edited event: its card is drawn again, every card it does not show stays byte for byte', () => {
	expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
	const changed = [...after].filter(([f, png]) => !png.equals(before.get(f)!)).map(([f]) => f);
	expect(changed).toContain('event/lakeside-forum-2022.png');
	expect(changed).not.toContain('site/home.png');
	// The build says how many it drew: exactly the cards that changed.
	expect(Number(/分享图：绘制 (\d+) 张/.exec(output)?.[1])).toBe(changed.length);
	for (const f of changed) expect(pngSize(after.get(f)!), f).toEqual({ width: 1200, height: 630 });
});

test('the cache keeps one drawn card per card the site has: the edited card’s old drawing is gone', () => {
	expect(readdirSync(join(work, 'cache/huiji/cards')).length).toBe(after.size);
});

test('a kept card cut short in the cache is drawn again when its page is rendered, and never published cut', () => {
	const folder = join(work, 'cache/huiji/cards');
	const [victim] = readdirSync(folder);
	truncateSync(join(folder, victim!), 40);
	// --force renders every page again, so every card is asked for (a rebuild asks only for changed ones).
	const forced = buildSite(content, work, SITES.second.url, '--force');
	expect(forced.status, forced.output).toBe(0);
	expect(forced.output).toContain('分享图：缓存中 1 张已损坏（文件不完整），已重新绘制。');
	const published = cards();
	expect([...published.keys()].sort()).toEqual([...after.keys()].sort());
	for (const [f, png] of published) expect(pngSize(png), f).toEqual({ width: 1200, height: 630 });
	expect([...published].filter(([f, png]) => !png.equals(after.get(f)!)).map(([f]) => f)).toEqual([]);
	expect(readFileSync(join(folder, victim!)).length).toBeGreaterThan(40);
}, 300_000);
