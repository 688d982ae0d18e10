import { pinyin, polyphonic } from 'pinyin-pro';

/** Two-character surnames; everything else is read as a one-character surname. */
const COMPOUND_SURNAMES = new Set([
	'欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙',
	'宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台',
]);

export interface PinyinName {
	family: string;
	given: string;
	/** Family name first: `E Weinan`. */
	familyFirst: string;
	/** Given name first, as in English bylines: `Weinan E`. */
	givenFirst: string;
	/** All lowercase letters, no spaces or tone marks (`eweinan`): sort key and search form. */
	compact: string;
	/** One lowercase syllable per character (`e wei nan`), for pinyin and initials search; the override's when given. */
	syllables: string[];
	/** How many of `syllables` are the family name (2 for 欧阳, else 1). */
	familySyllables: number;
	/** False for an override no reading of the characters spells (a typo?): it is then searched by its words. */
	readingsAgree: boolean;
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * Syllables of a Chinese string. For names, surname readings are preferred at the head
 * (曾 → zeng, 单 → shan); other text is read word by word (重塑 → chong su).
 */
export function syllables(chinese: string, { name = true } = {}): string[] {
	return pinyin(chinese, { toneType: 'none', type: 'array', nonZh: 'removed', ...(name ? { surname: 'head' as const } : {}) }).filter(Boolean);
}

/**
 * Pinyin of a Chinese personal name, e.g. 鄂维南 → E Weinan / Weinan E.
 * `override` ("Family Given", e.g. "Shan Tianfang") wins where the dictionary reads a name wrongly.
 */
export function pinyinName(chinese: string, override?: string): PinyinName {
	let family: string;
	let given: string;
	let each: string[];
	let familySyllables: number;
	let readingsAgree = true;
	if (override) {
		const [f, ...rest] = override.trim().split(/\s+/);
		family = f!;
		given = rest.join('');
		const aligned = alignOverride(chinese, asciiFold(family), asciiFold(given));
		// An override the dictionary has no reading for is searched by its words: "Wan Chongshan" as wan, chongshan.
		each = aligned?.syllables ?? [family, given].map(asciiFold).filter(Boolean);
		familySyllables = aligned?.familySyllables ?? 1;
		readingsAgree = aligned !== undefined;
	} else {
		familySyllables = COMPOUND_SURNAMES.has(chinese.slice(0, 2)) ? 2 : 1;
		const all = syllables(chinese);
		family = capitalise(all.slice(0, familySyllables).join(''));
		given = capitalise(all.slice(familySyllables).join(''));
		each = all.map(asciiFold);
	}
	return {
		family,
		given,
		familyFirst: `${family} ${given}`.trim(),
		givenFirst: `${given} ${family}`.trim(),
		compact: asciiFold(family + given),
		syllables: each,
		familySyllables: Math.min(familySyllables, each.length),
		readingsAgree,
	};
}

/**
 * The override split into one syllable per character: each character read by one of its
 * dictionary readings (万 wan/mo, 重 zhong/chong), so that together they spell the override, the
 * family name ending where its word does. Undefined when no choice of readings spells it.
 */
function alignOverride(chinese: string, family: string, given: string): { syllables: string[]; familySyllables: number } | undefined {
	const readings = polyphonic(chinese, { type: 'array', toneType: 'none', nonZh: 'removed' }).filter((r) => r.length > 0).map((r) => [...new Set(r.map(asciiFold))]);
	const target = family + given;
	// Depth-first over the readings: a name has a few characters with a few readings each.
	const spell = (char: number, at: number): string[] | undefined => {
		if (char === readings.length) return at === target.length ? [] : undefined;
		for (const reading of readings[char]!) {
			if (!reading || !target.startsWith(reading, at)) continue;
			const rest = spell(char + 1, at + reading.length);
			if (rest) return [reading, ...rest];
		}
		return undefined;
	};
	const each = spell(0, 0);
	if (!each) return undefined;
	let letters = 0;
	const familySyllables = each.findIndex((syllable) => (letters += syllable.length) >= family.length) + 1;
	// The family name must end between two syllables.
	return letters === family.length ? { syllables: each, familySyllables } : undefined;
}

/** Lowercase ASCII form used for sorting and search (ü → v, as pinyin input methods type it). */
export function asciiFold(s: string): string {
	return s.toLowerCase().replace(/ü/g, 'v').normalize('NFD').replace(/[^a-z0-9]/g, '');
}

/** A person's stable id: pinyin family-given for Chinese names (鄂维南 → e-weinan), else the original name. */
export function personId(name: string, originalName?: string, pinyin?: string): string {
	if (originalName) return originalName.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	const p = pinyinName(name, pinyin);
	return [asciiFold(p.family), asciiFold(p.given)].filter(Boolean).join('-');
}

/** Separators between the parts of a name (雨果·彼得, 雨果・彼得, 雨果 彼得) and case do not make another name. */
export const foldName = (name: string) => name.normalize('NFKC').replace(/[·•・‧･\s]/g, '').toLowerCase();
