import type { PersonRow } from './exact-index';
import type { Loader } from './exact-search';

/** How a pinyin query spells a name: every syllable in full, or some by their initials. */
export const NAME_MATCH = { NONE: 0, INITIALS: 1, FULL: 2 } as const;
export type NameMatch = (typeof NAME_MATCH)[keyof typeof NAME_MATCH];

export interface PersonMatch {
	page: number;
	match: NameMatch;
	weight: number;
	/** The name's syllables, family name first, and how many are the family name (to show its pinyin). */
	syllables: string[];
	family: number;
}

/**
 * The letters of a query written in pinyin — any case and spacing, tone marks or tone numbers,
 * ü as ü, v or u: — or undefined when it is anything else (Han characters, digits that are not tone
 * numbers, other punctuation), or shorter than two letters. `5G-A` and `AI4S` are not pinyin; `Dai4 Qiong2hai3` is.
 */
export function pinyinLetters(query: string): string | undefined {
	const folded = query.normalize('NFKC').toLowerCase().replace(/ü|u:/g, 'v').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
	// Tone numbers, if any, end every syllable group (dai4 qiong2hai3), so AI4S is not ai-4-s.
	if (!/^[\s'’·-]*(?:(?:[a-z]+[\s'’·-]*)+|(?:[a-z]+[1-5][\s'’·-]*)+)$/.test(folded)) return undefined;
	const letters = folded.replace(/[^a-z]/g, '');
	return letters.length >= 2 ? letters : undefined;
}

/** The ways one syllable can be typed: in full (v also as u), or by its initial (zh, ch, sh or the first letter). */
function forms(syllable: string): { text: string; full: boolean }[] {
	const out = [{ text: syllable, full: true }];
	if (syllable.includes('v')) out.push({ text: syllable.replaceAll('v', 'u'), full: true });
	const initial = /^[zcs]h/.test(syllable) ? syllable.slice(0, 2) : syllable[0]!;
	if (initial !== syllable) out.push({ text: initial, full: false });
	if (initial.length === 2) out.push({ text: initial[0]!, full: false });
	return out;
}

/** How `letters` spells `syllables` in this order, each syllable in full or by its initial. */
function spell(syllables: string[], letters: string): NameMatch {
	// best[i][j]: the best way letters[j..] spells syllables[i..]; a name has a few syllables, a query a few dozen letters.
	const memo = new Map<number, NameMatch>();
	const best = (i: number, j: number): NameMatch => {
		if (i === syllables.length) return j === letters.length ? NAME_MATCH.FULL : NAME_MATCH.NONE;
		const key = i * 1024 + j;
		const known = memo.get(key);
		if (known !== undefined) return known;
		let result: NameMatch = NAME_MATCH.NONE;
		for (const { text, full } of forms(syllables[i]!)) {
			if (!letters.startsWith(text, j)) continue;
			const rest = best(i + 1, j + text.length);
			const here = (full ? Math.min(rest, NAME_MATCH.FULL) : Math.min(rest, NAME_MATCH.INITIALS)) as NameMatch;
			if (here > result) result = here;
		}
		memo.set(key, result);
		return result;
	};
	return best(0, 0);
}

/**
 * How well `letters` (from pinyinLetters) spells a name: family name first (Dai Qionghai) or given
 * name first, as English bylines write it (Qionghai Dai); each syllable in full or by its initial
 * (dqh, dai qh). FULL only when every syllable is typed in full.
 */
export function nameMatch(syllables: string[], family: number, letters: string): NameMatch {
	const givenFirst = family > 0 && family < syllables.length ? [...syllables.slice(family), ...syllables.slice(0, family)] : undefined;
	return Math.max(spell(syllables, letters), givenFirst ? spell(givenFirst, letters) : NAME_MATCH.NONE) as NameMatch;
}

/**
 * People whose names a pinyin query spells, best spelled first, then those who appear most; ties in
 * page order. Loads people.json once, and only for a query that is pinyin.
 */
export function createPersonSearch(load: Loader) {
	// Split into syllables once, when loaded: every later query only matches.
	let people: Promise<Omit<PersonMatch, 'match'>[]> | undefined;
	return async (query: string): Promise<PersonMatch[]> => {
		const letters = pinyinLetters(query);
		if (!letters) return [];
		people ??= (load('people.json') as Promise<PersonRow[]>).then((rows) => rows.map(([page, joined, family, weight]) => ({ page, syllables: joined.split(' '), family, weight })));
		const found: PersonMatch[] = [];
		for (const person of await people) {
			const match = nameMatch(person.syllables, person.family, letters);
			if (match !== NAME_MATCH.NONE) found.push({ ...person, match });
		}
		return found.sort((a, b) => b.match - a.match || b.weight - a.weight || a.page - b.page);
	};
}

/** A name's pinyin as shown beside it: family name first, each part capitalised (Dai Qionghai). */
export function pinyinLabel(syllables: string[], family: number): string {
	const part = (s: string[]) => s.join('').replace(/^./, (c) => c.toUpperCase()).replaceAll('v', 'ü');
	return [part(syllables.slice(0, family)), part(syllables.slice(family))].filter(Boolean).join(' ');
}

/**
 * Exact matches with the pages of the people a pinyin query spells moved to the front, in the
 * people's order (Wang Wei: 王伟's page before 王伟明's, whose page also contains wang and wei);
 * the rest keep their order.
 */
export function spelledPeopleFirst<T extends { page: number }>(matches: T[], people: PersonMatch[]): T[] {
	if (people.length === 0) return matches;
	const rank = new Map(people.map((p, i) => [p.page, i]));
	const first = matches.filter((m) => rank.has(m.page)).sort((a, b) => rank.get(a.page)! - rank.get(b.page)!);
	return first.length ? [...first, ...matches.filter((m) => !rank.has(m.page))] : matches;
}
