import { parseDocument, stringify } from 'yaml';
import { personId } from '../schemas/pinyin-name';
import { slugify } from '../schemas/slugify';

/** What `npm run new` asks for, per kind of entry. */
export interface ArticleAnswers { id?: string; title: string; kind: string; seed: string; outlet?: string; date?: string; events?: string[] }
export interface EventAnswers { id?: string; name: string; shortName: string; kind: string; start: string; end?: string }
export interface AppearanceAnswers { article: string; asGiven: string; event?: string }
export interface SpeakerAnswers extends AppearanceAnswers { id?: string; name: string; originalName?: string; distinctFrom?: string[] }

export interface NewFile {
	/** Path relative to the project root. */
	path: string;
	id: string;
	text: string;
	/** The file exists and this is its new text (one more appearance). */
	replaces?: boolean;
	/** Said to the editor after writing it. */
	notice?: string;
}

const yaml = (data: object) => stringify(data, { lineWidth: 0 });
const compact = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));

/** A new article is a draft until its body is in and the editor removes `draft: true`. */
export function newArticle(a: ArticleAnswers): NewFile {
	const id = a.id ?? slugify(a.title);
	const data = compact({ title: a.title, kind: a.kind, source: compact({ outlet: a.outlet }), date: a.date, seed: a.seed, events: a.events, draft: true });
	return { path: `content/articles/${id}.md`, id, text: `---\n${yaml(data)}---\n\n` };
}

export function newEvent(e: EventAnswers): NewFile {
	const id = e.id ?? [slugify(e.shortName, 6), e.start.slice(0, 4)].filter((p, i) => i === 0 || !slugify(e.shortName).includes(p)).join('-');
	const data = compact({ name: e.name, shortName: e.shortName, kind: e.kind, start: e.start, end: e.end });
	return { path: `content/events/${id}.md`, id, text: `---\n${yaml(data)}---\n\n` };
}

export function newSpeaker(s: SpeakerAnswers): NewFile {
	const id = s.id ?? personId(s.name, s.originalName);
	const data = compact({ name: s.name, originalName: s.originalName, distinctFrom: s.distinctFrom, appearances: [appearance(s)] });
	return { path: `content/speakers/${id}.yaml`, id, text: yaml(data) };
}

const appearance = (a: AppearanceAnswers) => compact({ article: a.article, event: a.event, asGiven: a.asGiven });

/** A speaker file with one more appearance at the end; its comments and layout are kept. */
export function withAppearance(speakerYaml: string, a: AppearanceAnswers): string {
	const doc = parseDocument(speakerYaml);
	doc.addIn(['appearances'], doc.createNode(appearance(a)));
	return doc.toString({ lineWidth: 0 });
}
