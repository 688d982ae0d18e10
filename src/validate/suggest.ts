import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `value`, if it is a likely typo: the only one that starts with
 * `value` (a truncated id), else one within a small edit distance.
 */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
	const list = [...candidates];
	const typed = value.toLowerCase();
	if (list.length === 0 || typed === '') return undefined;
	const extensions = list.filter((c) => c.toLowerCase().startsWith(typed));
	if (extensions.length === 1) return extensions[0];
	const best = closest(typed, list);
	const limit = Math.max(2, Math.floor(best.length / 4));
	return distance(typed, best.toLowerCase()) <= limit ? best : undefined;
}

/** `是否想写“x”？` or nothing. */
export const hint = (suggestion: string | undefined) => (suggestion ? `是否想写“${suggestion}”？` : '');
