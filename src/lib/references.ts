import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SiteRecords } from './records';

export interface ReferenceProblem {
	/** File that holds the reference, relative to the project root. */
	file: string;
	/** 1-based line of the reference in that file, when it can be found. */
	line?: number;
	/** Field that holds the reference, e.g. `people[0].speaker`. */
	field: string;
	/** What is wrong and how to fix it, in Chinese. */
	message: string;
}

type Kind = 'speaker' | 'event' | 'series' | 'organization' | 'topic' | 'article';
const WHERE: Record<Kind, string> = {
	speaker: 'content/speakers/<id>.yaml',
	event: 'content/events/<id>.md',
	series: 'content/series.yaml',
	organization: 'content/organizations.yaml',
	topic: 'content/topics.yaml',
	article: 'content/articles/<id>.md',
};
const LABEL: Record<Kind, string> = {
	speaker: '嘉宾',
	event: '活动',
	series: '系列',
	organization: '机构',
	topic: '专题',
	article: '文章',
};

/**
 * Every reference between entries must resolve: Astro's `reference()` no longer fails on a
 * missing id, so a typo would silently drop a link. Returns all problems, not just the first.
 */
export function checkReferences(records: SiteRecords, root = process.cwd()): ReferenceProblem[] {
	const ids: Record<Kind, Set<string>> = {
		speaker: new Set(records.speakers.map((s) => s.id)),
		event: new Set(records.events.map((e) => e.id)),
		series: new Set(records.series.map((s) => s.id)),
		organization: new Set(records.organizations.map((o) => o.id)),
		topic: new Set(records.topics.map((t) => t.id)),
		article: new Set(records.articles.map((a) => a.id)),
	};
	const problems: ReferenceProblem[] = [];
	const check = (file: string, field: string, kind: Kind, id: string | undefined) => {
		if (id === undefined || ids[kind].has(id)) return;
		problems.push({
			file,
			line: findLine(root, file, id),
			field,
			message: `找不到${LABEL[kind]}“${id}”：请检查拼写，或在 ${WHERE[kind].replace('<id>', id)} 中添加该${LABEL[kind]}。`,
		});
	};

	for (const s of records.series) check(s.filePath, `${s.id}.partOf`, 'series', s.partOf);
	for (const e of records.events) {
		e.series.forEach((s, i) => check(e.filePath, `series[${i}].series`, 'series', s.series));
		e.organizers.forEach((o, i) => check(e.filePath, `organizers[${i}].org`, 'organization', o.org));
		e.agenda.forEach((t, i) => t.speakers.forEach((sp, j) => check(e.filePath, `agenda[${i}].speakers[${j}]`, 'speaker', sp)));
		e.topics.forEach((t, i) => check(e.filePath, `topics[${i}]`, 'topic', t));
	}
	for (const s of records.speakers) {
		s.appearances.forEach((a, i) => {
			check(s.filePath, `appearances[${i}].article`, 'article', a.article);
			check(s.filePath, `appearances[${i}].event`, 'event', a.event);
			a.roles.forEach((r, j) => check(s.filePath, `appearances[${i}].roles[${j}].org`, 'organization', r.org));
		});
	}
	for (const a of records.articles) {
		a.events.forEach((e, i) => check(a.filePath, `events[${i}]`, 'event', e));
		a.people.forEach((p, i) => check(a.filePath, `people[${i}].speaker`, 'speaker', p.speaker));
		a.topics.forEach((t, i) => check(a.filePath, `topics[${i}]`, 'topic', t));
		if (!existsSync(resolve(root, 'seeds', a.seed))) {
			problems.push({
				file: a.filePath,
				line: findLine(root, a.filePath, a.seed),
				field: 'seed',
				message: `seeds/ 中没有文件“${a.seed}”：请先把原始稿件原样放入 seeds/，再在 seed 字段填写其文件名。`,
			});
		}
	}
	return problems;
}

/** First line of the file that mentions `needle`, so the editor lands on the reference. */
function findLine(root: string, file: string, needle: string): number | undefined {
	try {
		const lines = readFileSync(resolve(root, file), 'utf8').split(/\r?\n/);
		const index = lines.findIndex((l) => l.includes(needle));
		return index < 0 ? undefined : index + 1;
	} catch {
		return undefined;
	}
}

/** `content/articles/x.md:12  people[0].speaker  找不到嘉宾“foo”…` one per line. */
export function formatProblems(problems: ReferenceProblem[]): string {
	return problems
		.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}  ${p.field}  ${p.message}`)
		.join('\n');
}

export class ContentReferenceError extends Error {
	constructor(readonly problems: ReferenceProblem[]) {
		super(`内容中有 ${problems.length} 处引用无法解析（dangling reference）：\n${formatProblems(problems)}`);
		this.name = 'ContentReferenceError';
	}
}
