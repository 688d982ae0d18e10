import { NAME_MATCH } from '../../src/search/person-search';

/**
 * Pinyin search's definition by enumeration, for tests: every way of typing a name's syllables —
 * each in full (ü as v or u) or by its initial (first letter, or zh/ch/sh) — family name first or
 * given name first, with how well each spells it (FULL only when every syllable is typed in full).
 */
export function spellings(syllables: string[], family: number): Map<string, number> {
	const orders = [syllables, ...(family < syllables.length ? [[...syllables.slice(family), ...syllables.slice(0, family)]] : [])];
	const out = new Map<string, number>();
	for (const order of orders) {
		let partial: [string, number][] = [['', NAME_MATCH.FULL]];
		for (const s of order) {
			const ways: [string, number][] = [[s, NAME_MATCH.FULL], [s.replaceAll('v', 'u'), NAME_MATCH.FULL], [s[0]!, s.length > 1 ? NAME_MATCH.INITIALS : NAME_MATCH.FULL]];
			if (/^[zcs]h/.test(s)) ways.push([s.slice(0, 2), s.length > 2 ? NAME_MATCH.INITIALS : NAME_MATCH.FULL]);
			partial = partial.flatMap(([text, m]) => ways.map(([w, wm]) => [text + w, Math.min(m, wm)] as [string, number]));
		}
		for (const [text, m] of partial) out.set(text, Math.max(out.get(text) ?? 0, m));
	}
	return out;
}
