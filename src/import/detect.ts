import { toPartialDate, type PartialDate } from '../schemas';

/** Outlets recognised in bylines, datelines and republication notes. */
const OUTLETS = ['新华网', '新华社', '人民网', '人民日报', '科技日报', '光明日报', '经济日报', '中国青年报', '中国新闻网', '中新网', '央视网', '澎湃新闻', '界面新闻', '第一财经', '财新', 'MIT 科技评论', 'MIT Technology Review'];

export interface Detected {
	title?: string;
	date?: PartialDate;
	outlet?: string;
	bylines: { role?: string; name: string }[];
	notes: string[];
	/** Lines moved into metadata, to leave out of the body. */
	consumed: Set<string>;
}

const BYLINE = /^[◎\s]*((?:新华网|新华社|本报|特约|实习)?(?:记者|通讯员|摄影|撰文|编辑))\s*([\u4e00-\u9fff·•]{2,8})$/;
const REPUBLISHED = /^[*_\s]*本文转载自\s*(.+?)[*_\s]*$/;

/** Title, date, outlet and bylines from front matter and the opening lines of the text. */
export function detect(frontmatter: Record<string, unknown>, lines: string[]): Detected {
	const found: Detected = { bylines: [], notes: [], consumed: new Set() };
	const fm = frontmatter;
	if (typeof fm.title === 'string' && fm.title.trim()) found.title = fm.title.trim();
	found.date = dateOf(fm.date);
	const fmNames = [fm.author, fm.source, fm.publisher, ...(Array.isArray(fm.categories) ? fm.categories : []), ...(Array.isArray(fm.tags) ? fm.tags : [])]
		.filter((v): v is string => typeof v === 'string');
	found.outlet = fmNames.find((n) => OUTLETS.includes(n));
	if (typeof fm.author === 'string' && fm.author !== found.outlet) found.bylines.push({ name: fm.author });

	const text = lines.map((l) => l.trim());
	const first = text.findIndex((l) => l !== '');
	if (!found.title && first >= 0) {
		const heading = /^#\s+(.+)$/.exec(text[first]!);
		// A first line that is short and does not end a sentence is a headline.
		if (heading || (text[first]!.length <= 40 && !/[。！？!?；，,：:]$/.test(text[first]!) && text.filter(Boolean).length > 1)) {
			found.title = heading ? heading[1]!.trim() : text[first]!;
			found.consumed.add(lines[first]!);
		}
	}
	for (const [i, line] of text.entries()) {
		const byline = BYLINE.exec(line);
		if (byline) {
			found.bylines.push({ role: byline[1], name: byline[2]! });
			found.consumed.add(lines[i]!);
		}
		const republished = REPUBLISHED.exec(line);
		if (republished) {
			found.notes.push(`本文转载自${republished[1]}`);
			found.outlet ??= OUTLETS.find((o) => republished[1]!.includes(o));
			found.consumed.add(lines[i]!);
		}
		if (i < 12 && !found.date) found.date = dateOf(/(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(line)?.slice(1).join('-'));
	}
	found.outlet ??= OUTLETS.find((o) => text.some((l) => l.startsWith(o) || l.includes(`${o}记者`) || l.includes(`${o}(`) || l.includes(`${o}（`)));
	return found;
}

function dateOf(value: unknown): PartialDate | undefined {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return toPartialDate(value.toISOString().slice(0, 10));
	if (typeof value !== 'string' || !value.trim()) return undefined;
	const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
	if (ymd) return toPartialDate(`${ymd[1]}-${ymd[2]!.padStart(2, '0')}-${ymd[3]!.padStart(2, '0')}`);
	const parsed = new Date(value);
	return Number.isNaN(parsed.getTime()) ? undefined : toPartialDate(parsed.toISOString().slice(0, 10));
}
