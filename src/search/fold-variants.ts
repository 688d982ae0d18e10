import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

/**
 * Traditional → simplified, one character for one (OpenCC's TSCharacters table, through opencc-js:
 * 3,222 characters that change, such as 醫→医, 學→学, 乾→干), for the normalisation index and query share. One character
 * for one keeps every offset: an excerpt marks the page's own characters, whatever the reader typed.
 *
 * Folding both sides is a homomorphism, so a page that contains a query still contains it after
 * folding: no match is ever lost. What it adds are pages that differ from the query only by a
 * character both scripts use differently: 乾 is 干 in 乾燥 but stays 乾 in 乾隆, so 干隆 (no word)
 * finds 乾隆, and 于 finds the surname 於. OpenCC's phrase tables (TSPhrases: 乾隆, 乾坤…) exist to
 * convert such words one way for display; matching needs no direction, and a phrase table would make
 * a character's fold depend on its neighbours, which a query cut inside a word does not have (the
 * query 乾 + the next word would fold otherwise than the page). 著 is not in the table at all: OpenCC
 * leaves it, as 著作 needs.
 */
export const VARIANTS: ReadonlyMap<string, string> = new Map(
	(TS_CHARACTERS as string).split('|').flatMap((pair) => {
		const [from, to] = pair.split(' ');
		return from && to && from !== to && [...from].length === 1 && [...to].length === 1 ? [[from, to] as const] : [];
	}),
);
