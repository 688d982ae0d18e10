import { FIELD_SEPARATOR, normalise } from './normalise';

/** HTML-escaped text around the first match in the page body, matches wrapped in <mark>. */
export function excerpt(text: string, hits: { offset: number; length: number }[], before = 30, after = 70): string {
	const { chars, map } = normalise(text);
	const cps = [...chars];
	const bodyStart = cps.lastIndexOf(FIELD_SEPARATOR) + 1;
	const sorted = [...hits].sort((a, b) => a.offset - b.offset);
	const anchor = sorted.find((h) => h.offset >= bodyStart) ?? sorted[0];
	if (!anchor) return escape(text.slice(0, before + after));
	// Original-text ranges of every hit, from normalised offsets.
	const ranges = sorted.map((h) => {
		const start = map[h.offset]!;
		const lastChar = map[h.offset + h.length - 1]!;
		return [start, lastChar + String.fromCodePoint(text.codePointAt(lastChar)!).length] as const;
	});
	const [anchorStart] = ranges[sorted.indexOf(anchor)]!;
	const from = Math.max(anchorStart - before, map[bodyStart] ?? 0);
	const to = Math.min(text.length, anchorStart + after);
	let out = from > 0 ? '…' : '';
	let at = from;
	for (const [start, end] of ranges) {
		if (end <= at || start >= to) continue;
		out += escape(text.slice(at, Math.max(at, start))) + `<mark>${escape(text.slice(Math.max(at, start), Math.min(end, to)))}</mark>`;
		at = Math.min(end, to);
	}
	out += escape(text.slice(at, to)) + (to < text.length ? '…' : '');
	return out.replaceAll(FIELD_SEPARATOR, ' ');
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
