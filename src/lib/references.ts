import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SiteRecords } from './records';

export type ReferenceKind = 'speaker' | 'event' | 'series' | 'organization' | 'topic' | 'article';

/** A reference from one entry to an id that does not exist (or is not published). */
export interface DanglingReference {
	/** File that holds the reference, relative to the project root. */
	file: string;
	/** Path of the reference inside the file's data, e.g. `['people', 0, 'speaker']`. */
	path: (string | number)[];
	kind: ReferenceKind;
	id: string;
	/** The id exists but names a draft, which has no page. */
	draft?: boolean;
}

export const REFERENCE_LABEL: Record<ReferenceKind, string> = {
	speaker: '嘉宾',
	event: '活动',
	series: '系列',
	organization: '机构',
	topic: '专题',
	article: '文章',
};
const WHERE: Record<ReferenceKind, string> = {
	speaker: 'content/speakers/<id>.yaml',
	event: 'content/events/<id>.md',
	series: 'content/series.yaml',
	organization: 'content/organizations.yaml',
	topic: 'content/topics.yaml',
	article: 'content/articles/<id>.md',
};

/**
 * Every reference between entries must resolve: Astro's `reference()` no longer fails on a
 * missing id, so a typo would silently drop a link. Returns all of them, not just the first.
 * For entries from a YAML list (series, organisations), paths start with the entry's index.
 * `alsoKnown` adds ids of entries that exist but failed validation, so one broken file does not
 * make every reference to it dangling too.
 */
export function findDanglingReferences(records: SiteRecords, alsoKnown: Partial<Record<ReferenceKind, string[]>> = {}): DanglingReference[] {
	const known = (kind: ReferenceKind, list: { id: string }[]) => new Set([...list.map((x) => x.id), ...(alsoKnown[kind] ?? [])]);
	const ids: Record<ReferenceKind, Set<string>> = {
		speaker: known('speaker', records.speakers),
		event: known('event', records.events),
		series: known('series', records.series),
		organization: known('organization', records.organizations),
		topic: known('topic', records.topics),
		article: known('article', records.articles),
	};
	const drafts = new Set(records.articles.filter((a) => a.draft).map((a) => a.id));
	const found: DanglingReference[] = [];
	const check = (file: string, path: (string | number)[], kind: ReferenceKind, id: string | undefined) => {
		if (id === undefined) return;
		if (!ids[kind].has(id)) found.push({ file, path, kind, id });
		else if (kind === 'article' && drafts.has(id)) found.push({ file, path, kind, id, draft: true });
	};

	records.series.forEach((s, i) => check(s.filePath, [i, 'partOf'], 'series', s.partOf));
	for (const e of records.events) {
		e.series.forEach((s, i) => check(e.filePath, ['series', i, 'series'], 'series', s.series));
		e.organizers.forEach((o, i) => check(e.filePath, ['organizers', i, 'org'], 'organization', o.org));
		e.agenda.forEach((t, i) => t.speakers.forEach((sp, j) => check(e.filePath, ['agenda', i, 'speakers', j], 'speaker', sp)));
		e.topics.forEach((t, i) => check(e.filePath, ['topics', i], 'topic', t));
	}
	for (const s of records.speakers) {
		s.appearances.forEach((a, i) => {
			check(s.filePath, ['appearances', i, 'article'], 'article', a.article);
			check(s.filePath, ['appearances', i, 'event'], 'event', a.event);
			a.roles.forEach((r, j) => check(s.filePath, ['appearances', i, 'roles', j, 'org'], 'organization', r.org));
		});
	}
	for (const a of records.articles) {
		a.events.forEach((e, i) => check(a.filePath, ['events', i], 'event', e));
		a.people.forEach((p, i) => check(a.filePath, ['people', i, 'speaker'], 'speaker', p.speaker));
		a.topics.forEach((t, i) => check(a.filePath, ['topics', i], 'topic', t));
	}
	return found;
}

/** 找不到嘉宾“x”：请检查拼写，或在 content/speakers/x.yaml 中添加该嘉宾。 */
export function danglingMessage(ref: DanglingReference): string {
	const label = REFERENCE_LABEL[ref.kind];
	if (ref.draft) return `${label}“${ref.id}”是草稿（draft: true），没有页面：请先发布它，或删除这条引用。`;
	return `找不到${label}“${ref.id}”：请检查拼写，或在 ${WHERE[ref.kind].replace('<id>', ref.id)} 中添加该${label}。`;
}

/** `people[0].speaker` */
export function formatPath(path: (string | number)[]): string {
	return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
}

/** The build's last line of defence (the validator runs first and says more). */
export class ContentReferenceError extends Error {
	constructor(refs: DanglingReference[], root = process.cwd()) {
		const lines = refs.map((r) => {
			const line = findLine(root, r.file, r.id);
			return `${r.file}${line ? `:${line}` : ''}  ${formatPath(r.path)}  ${danglingMessage(r)}`;
		});
		super(`内容中有 ${refs.length} 处引用无法解析（dangling reference）：\n${lines.join('\n')}`);
		this.name = 'ContentReferenceError';
	}
}

/** First line of the file that mentions `needle`. */
function findLine(root: string, file: string, needle: string): number | undefined {
	try {
		const index = readFileSync(resolve(root, file), 'utf8').split(/\r?\n/).findIndex((l) => l.includes(needle));
		return index < 0 ? undefined : index + 1;
	} catch {
		return undefined;
	}
}
