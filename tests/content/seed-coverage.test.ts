import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadRecords } from '../support/content';
import { normalise, sentences } from '../support/chinese-text';
import { contentRoot, page, requireBuild } from '../support/dist';
import { seedText } from '../support/seed-text';
import { SEED_OMISSIONS } from './seed-omissions';

beforeAll(requireBuild);

// The launch content: every seed an editor adds must be published whole, with nothing added.
const records = loadRecords(contentRoot);
const seedsDir = join(contentRoot, 'seeds');
const seedFiles = readdirSync(seedsDir).filter((f) => f !== 'README.md').sort();


const countOf = (haystack: string, needle: string) => {
	let n = 0;
	for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
	return n;
};

test('every file in seeds/ is the source of at least one article', () => {
	expect(seedFiles.filter((seed) => !records.articles.some((a) => a.seed === seed))).toEqual([]);
});

// A seed whose articles are all drafts is not published yet: its text is checked once one is.
const publishedSeeds = seedFiles.filter((seed) => records.articles.some((a) => a.seed === seed && !a.draft));
describe.each(publishedSeeds)('seed %s', (seed) => {
	const articles = records.articles.filter((a) => a.seed === seed && !a.draft);
	const bodies = articles.map((a) => ({
		id: a.id,
		text: normalise(toText(select('[data-article-body]', page(`/articles/${a.id}/`))!)),
	}));
	const heldInMetadata = new Set(
		articles.flatMap((a) => [a.title, a.subtitle, ...(a.source.column?.split(' · ') ?? [])]).filter(Boolean).map((t) => normalise(t!)),
	);
	const metadata = normalise(JSON.stringify(articles.map(({ bylines, photoCredits, source }) => ({ bylines, photoCredits, source }))));
	const omissions = SEED_OMISSIONS.filter((o) => o.seed === seed);
	const omitted = new Set(omissions.map((o) => normalise(o.text)));
	const full = normalise(seedText(seed, seedsDir));

	test('every sentence is published in exactly one article body', () => {
		const problems: string[] = [];
		for (const s of sentences(seedText(seed, seedsDir))) {
			if (omitted.has(s) || [...heldInMetadata].some((h) => h.includes(s))) continue;
			const hits = bodies.map((b) => ({ id: b.id, n: countOf(b.text, s) })).filter((h) => h.n > 0);
			const total = hits.reduce((sum, h) => sum + h.n, 0);
			if (hits.length !== 1 || total !== countOf(full, s)) problems.push(`${s}  →  ${JSON.stringify(hits)}`);
		}
		expect(problems).toEqual([]);
	});

	test('lines left out on purpose are kept in the articles’ metadata', () => {
		const seedSentences = new Set(sentences(seedText(seed, seedsDir)));
		for (const o of omissions) {
			expect(seedSentences, `${o.text} is not a line of ${seed}`).toContain(normalise(o.text));
			for (const piece of o.keptAs) expect(metadata, `${o.text}: ${o.why}`).toContain(normalise(piece));
		}
	});

	test('no article body says anything its seed does not (no rewording)', () => {
		// A sentence may be joined across a page break: then it is two runs of the seed.
		const fromSeed = (s: string) => full.includes(s) || [...s].some((_, i) => i > 0 && full.includes(s.slice(0, i)) && full.includes(s.slice(i)));
		const added = bodies.flatMap((b) => sentences(toText(select('[data-article-body]', page(`/articles/${b.id}/`))!)).filter((s) => !fromSeed(s)).map((s) => `${b.id}: ${s}`));
		expect(added).toEqual([]);
	});
});
