import { REGION } from './exact-index';
import { normalise } from './normalise';

/**
 * HTML-escaped body text around the first body match, every match in view wrapped in <mark>.
 * `hits` are index offsets; body offsets start at REGION.BODY.
 */
export function excerpt(body: string, hits: { offset: number; length: number }[], before = 30, after = 70): string {
	const inBody = hits.filter((h) => h.offset >= REGION.BODY).map((h) => ({ at: h.offset - REGION.BODY, length: h.length })).sort((a, b) => a.at - b.at);
	// Only as much of the body as the excerpt shows is normalised, for the offset → text map.
	const { map } = normalise(body, (inBody[0]?.at ?? 0) + after + 64);
	if (inBody.length === 0) return escape(body.slice(0, before + after)) + (body.length > before + after ? '…' : '');
	const ranges = inBody.filter((h) => h.at + h.length <= map.length).map((h) => {
		const last = map[h.at + h.length - 1]!;
		return [map[h.at]!, last + String.fromCodePoint(body.codePointAt(last)!).length] as const;
	});
	const from = Math.max(0, ranges[0]![0] - before);
	const to = Math.min(body.length, ranges[0]![0] + after);
	let out = from > 0 ? '…' : '';
	let at = from;
	for (const [start, end] of ranges) {
		if (end <= at || start >= to) continue;
		out += escape(body.slice(at, Math.max(at, start))) + `<mark>${escape(body.slice(Math.max(at, start), Math.min(end, to)))}</mark>`;
		at = Math.min(end, to);
	}
	return out + escape(body.slice(at, to)) + (to < body.length ? '…' : '');
}

/** Text made safe to put into HTML. */
export const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
