import { expect, test } from 'vitest';
import type { SearchPage } from '../../src/search/exact-index';
import { PAGEFIND_LEAD, pagefindRecords } from '../../src/search/pagefind-records';

const page = (i: number, body: string): SearchPage => ({
	url: `/articles/a${i}/`,
	title: `第 ${i} 篇纪要`,
	kind: '文章',
	ownNames: false,
	names: i % 2 ? [`嘉宾${i}`] : [],
	body,
	filters: { kind: ['文章'] },
});
const pages = Array.from({ length: 50 }, (_, i) => page(i, '科学智能的进展与挑战。'.repeat(20 + i)));
const size = (records: ReturnType<typeof pagefindRecords>) => records.reduce((n, r) => n + r.content.length, 0);

test('under the budget every page is given its title, names and lead: a body shorter than the lead whole', () => {
	// Bodies of 220 to 759 characters, on both sides of the lead.
	expect(pages.some((p) => p.body.length < PAGEFIND_LEAD) && pages.some((p) => p.body.length > PAGEFIND_LEAD)).toBe(true);
	const records = pagefindRecords(pages, 1_000_000);
	records.forEach((r, i) => expect(r.content).toBe([pages[i]!.title, ...pages[i]!.names, pages[i]!.body.slice(0, PAGEFIND_LEAD)].join('\n')));
});

test('over the budget, every page keeps its title and names, and the bodies share what is left', () => {
	const budget = 5_000;
	const records = pagefindRecords(pages, budget);
	expect(size(records)).toBeLessThanOrEqual(budget + pages.length);
	records.forEach((r, i) => {
		expect(r.content.startsWith([pages[i]!.title, ...pages[i]!.names].join('\n'))).toBe(true);
		expect(pages[i]!.body.startsWith(r.content.split('\n').at(-1)!)).toBe(true);
	});
	expect(records.every((r) => r.content.length > [r.meta!.title!].join('').length + 10)).toBe(true);
});

test('when titles and names alone fill the budget, the bodies are left out, not the budget overrun by them', () => {
	const records = pagefindRecords(pages, 100);
	records.forEach((r, i) => expect(r.content).toBe([pages[i]!.title, ...pages[i]!.names].join('\n')));
});
