import { asciiFold, syllables } from './pinyin-name';

/** ICU's dictionary word breaker (in every Node and browser build): 世界|计算|大会. */
const words = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /^[\u3400-\u9fff]+$/;

/** Ids stay short enough to read and type: at most this many characters, cut between words only. */
const MAX_LENGTH = 48;

/**
 * A stable ASCII id from a title, one hyphenated part per word (never cut inside one):
 * 快讯｜2021世界计算大会开幕 → kuaixun-2021-shijie-jisuan-dahui-kaimu. ICU breaks names and rare words
 * it does not know into single characters (中|关|村, 快|讯); a run of those is joined back into one
 * part, since it is almost always one name. `maxWords` caps the parts. (People's ids: see personId.)
 */
export function slugify(text: string, maxWords = 8): string {
	const parts: string[] = [];
	let singles = '';
	const flush = () => {
		if (singles) parts.push(syllables(singles, { name: false }).map(asciiFold).join(''));
		singles = '';
	};
	for (const { segment, isWordLike } of words.segment(text.normalize('NFKC'))) {
		if (!isWordLike) {
			flush();
			continue;
		}
		for (const run of segment.match(/[\u3400-\u9fff]+|[A-Za-z0-9]+/g) ?? []) {
			if (CJK.test(run) && run.length === 1) {
				singles += run;
				continue;
			}
			flush();
			parts.push(CJK.test(run) ? syllables(run, { name: false }).map(asciiFold).join('') : run.toLowerCase());
		}
	}
	flush();
	let id = '';
	for (const part of parts.filter(Boolean).slice(0, maxWords)) {
		const next = id ? `${id}-${part}` : part;
		if (id && next.length > MAX_LENGTH) break;
		id = next;
	}
	return id;
}
