import { searchableText, type SearchPage } from '../../src/search/exact-index';
import { FIELD_SEPARATOR, normalise, queryTerms } from '../../src/search/normalise';
import * as OpenCC from 'opencc-js';
import { random } from './corpus';
import { spellings } from '../support/pinyin-spellings';

/** A reader in Hong Kong or Taiwan: OpenCC's own mainland → traditional conversion, phrases included. */
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

export interface Query {
	kind: string;
	q: string;
	/** What the reader means, where it differs from what they typed: the ground truth is the pages containing it. */
	means?: string;
	/** A name typed in pinyin: the person meant, and every person whose name data it spells (their pages' URLs). */
	person?: { url: string; spelled: string[] };
}

/**
 * At least 100 queries of the kinds the issue names, drawn from the pages' own text with a seeded
 * generator: nothing hand-typed, so the ground truth is plain substring search over the same text.
 */
export function makeQueries(pages: SearchPage[], seed: number): Query[] {
	const rng = random(seed);
	const texts = pages.map((p) => p.body.replace(/\s+/g, ''));
	const out: Query[] = [];
	const add = (kind: string, q: string | undefined, means?: string, person?: Query['person']) =>
		q && !out.some((x) => x.q === q) && out.push({ kind, q, ...(means && { means }), ...(person && { person }) });
	const slice = (min: number, max: number, test: RegExp = /^[\u4e00-\u9fff]+$/) => {
		for (let tries = 0; tries < 200; tries++) {
			const t = rng.pick(texts);
			const len = rng.int(min, max);
			const at = rng.int(0, Math.max(0, t.length - len));
			const s = t.slice(at, at + len);
			if (test.test(s)) return s;
		}
		return undefined;
	};
	for (let i = 0; i < 30; i++) add('substring 2–4', slice(2, 4));
	for (let i = 0; i < 20; i++) add('substring 5–8', slice(5, 8));
	const names = [...new Set(pages.flatMap((p) => (p.names.length ? p.names : [p.title.split('：')[0]!])))].filter((n) => [...n].length >= 2);
	for (let i = 0; i < 15; i++) add('name', rng.pick(names));
	for (let i = 0; i < 10; i++) add('mixed script', slice(3, 6, /^(?=.*[\u4e00-\u9fff])(?=.*[A-Za-z0-9])[\u4e00-\u9fffA-Za-z0-9-]+$/));
	for (let i = 0; i < 10; i++) {
		const s = slice(2, 6, /^[A-Za-z][A-Za-z0-9-]+$/);
		add('latin, case changed', s && (rng.next() < 0.5 ? s.toLowerCase() : s.toUpperCase()));
	}
	for (let i = 0; i < 10; i++) {
		const s = slice(2, 5, /^[\u4e00-\u9fffA-Za-z0-9-]*[A-Za-z0-9][\u4e00-\u9fffA-Za-z0-9-]*$/);
		add('full-width', s?.replace(/[A-Za-z0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
	}
	for (let i = 0; i < 10; i++) add('two terms', [slice(2, 3), slice(2, 3)].join(' '));
	// Text of the pages as a traditional-script reader types it; they mean the page's own (simplified) words.
	for (let i = 0, n = 0; n < 15 && i < 500; i++) {
		const s = slice(2, 6);
		const t = s && toTraditional(s);
		if (s && t !== s && !out.some((x) => x.q === t)) {
			add('traditional', t, s);
			n++;
		}
	}
	// A foreign name as the page writes it, typed with another dot or none; they mean the name as written.
	const dotted = names.filter((n) => /[·•・‧]/.test(n));
	for (let i = 0; i < 10 && dotted.length; i++) {
		const name = rng.pick(dotted);
		add('name, other dot', name.replace(/[·•・‧]\s*/g, rng.pick(['', '·', '•', '・', '‧', '･'])), name);
	}
	// A person's name typed in pinyin, from the name data (each page's pinyin syllables): in full, in
	// either order, with any spacing and case; or by its initials. Ground truth: every person whose
	// name the letters spell, by enumerating each name's spellings.
	const persons = pages.flatMap((p) => (p.person ? [{ url: p.url, ways: spellings(p.person.syllables, p.person.family), ...p.person }] : []));
	const spelling = (letters: string) => persons.filter((p) => p.ways.has(letters)).map((p) => p.url);
	const cased = (s: string) => rng.pick([s, s.toUpperCase(), s.replace(/(^|\s)[a-z]/g, (c) => c.toUpperCase())]);
	for (let i = 0; i < 15 && persons.length; i++) {
		const p = rng.pick(persons);
		const [family, given] = [p.syllables.slice(0, p.family), p.syllables.slice(p.family)];
		const join = rng.pick(['', ' ']);
		const parts = (rng.next() < 0.5 ? [family, given] : [given, family]).map((x) => x.join(join));
		const q = cased(parts.join(rng.pick(['', ' '])));
		add('pinyin, full', q, undefined, { url: p.url, spelled: spelling(q.toLowerCase().replace(/\s/g, '')) });
	}
	for (let i = 0; i < 15 && persons.length; i++) {
		const p = rng.pick(persons);
		const letters = p.syllables.map((x) => x[0]).join('');
		add('pinyin, initials', rng.next() < 0.3 ? letters.toUpperCase() : letters, undefined, { url: p.url, spelled: spelling(letters) });
	}
	for (let i = 0; out.filter((q) => q.kind === 'no match').length < 5 && i < 500; i++) {
		const q = String.fromCodePoint(rng.int(0x4e00, 0x9fa5), rng.int(0x4e00, 0x9fa5), rng.int(0x4e00, 0x9fa5));
		if (truth(pages, q).length === 0) add('no match', q);
	}
	return out;
}

const normalisedText = new WeakMap<SearchPage, string>();
/** URLs of the pages whose searchable text contains every term of `q` (both normalised alike). */
export function truth(pages: SearchPage[], q: string): string[] {
	const terms = queryTerms(q);
	return pages
		.filter((p) => {
			let text = normalisedText.get(p);
			if (text === undefined) normalisedText.set(p, (text = normalise(searchableText(p)).chars.replaceAll(FIELD_SEPARATOR, '\u0001')));
			return terms.every((t) => text!.includes(t));
		})
		.map((p) => p.url);
}
