import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { personId } from '../../src/schemas/pinyin-name';

const SURNAMES = ['林', '欧阳', '钱', '孙', '曾', '单', '万', '诸葛'];
const GIVEN = ['思远', '若溪', '立新', '重山', '晓东', '怀瑾', '景行', '一鸣'];
const FOREIGN = [['玛丽亚·加西亚', 'María García', 'es'], ['让-皮埃尔·勒克莱尔', 'Jean-Pierre Leclerc', 'fr'], ['约翰·轩尼诗', 'John Hennessy', 'en']] as const;
const CITIES = ['成都', '西安', '厦门', '长沙'];

/** Adds items to a YAML list file, keeping its comments. */
function appendToList(file: string, items: object[]) {
	const doc = parseDocument(existsSync(file) ? readFileSync(file, 'utf8') : '[]');
	for (const item of items) (doc.contents as unknown as { add(v: unknown): void }).add(doc.createNode(item));
	writeFileSync(file, doc.toString());
}

/**
 * What an editor's pull request adds, generated: a forum report with its event (organisers, agenda,
 * a new series and topic), three speakers (one foreign, one possibly sharing a name with someone
 * already there) and its seed, whose every sentence the article publishes. `n` and `variant` make
 * ids and sentences no other content has. Returns the ids it added.
 */
export function addGeneratedReport(dir: string, n: number, variant = n) {
	const pick = <T>(list: readonly T[], k = 0) => list[(variant + k) % list.length]!;
	const year = 2019 + (variant % 6);
	const city = pick(CITIES);
	const event = `generated-forum-${n}`;
	const article = `generated-forum-${n}-report`;
	const seed = `generated-${n}.txt`;
	const org = `generated-institute-${n}`;
	const series = `generated-series-${n}`;
	const topic = `generated-topic-${n}`;
	const chinese = [0, 1].map((k) => `${pick(SURNAMES, k)}${pick(GIVEN, k * 3 + 1)}`);
	const [foreignName, originalName, lang] = pick(FOREIGN);
	const people = [
		...chinese.map((name) => ({ id: `${personId(name)}-${n}`, name })),
		{ id: `${personId(foreignName, originalName)}-${n}`, name: foreignName, originalName, originalLang: lang },
	];
	const eventName = `${year}${city}第${n}届青年学者论坛`;

	appendToList(join(dir, 'content/organizations.yaml'), [{ id: org, name: `${city}第${n}高等研究院` }]);
	appendToList(join(dir, 'content/series.yaml'), [{ id: series, name: `${city}青年学者论坛（${n}）` }]);
	appendToList(join(dir, 'content/topics.yaml'), [{ id: topic, name: `第${n}号专题：材料基因组` }]);
	writeFileSync(
		join(dir, 'content/events', `${event}.md`),
		`---\nname: ${eventName}\nshortName: ${city}青年论坛${n}\nkind: forum\nseries:\n  - { series: ${series}, edition: ${1 + (variant % 3)} }\nstart: ${year}-0${1 + (variant % 9)}-1${variant % 10}\nvenue: { city: ${city} }\norganizers:\n  - { tier: host, org: ${org} }\nagenda:\n${people.map((p, i) => `  - role: ${i === 0 ? 'opening-remarks' : 'keynote'}\n    speakers: [${p.id}]${i > 0 ? `\n    title: 第${n}号报告之${i}` : ''}`).join('\n')}\ntopics: [${topic}]\n---\n`,
	);
	for (const p of people) {
		writeFileSync(
			join(dir, 'content/speakers', `${p.id}.yaml`),
			[`name: ${p.name}`, ...('originalName' in p ? [`originalName: ${p.originalName}`, `originalLang: ${p.originalLang}`] : []), 'appearances:', `  - article: ${article}`, `    event: ${event}`, `    asGiven: ${city}第${n}高等研究院研究员`, '    roles:', `      - { org: ${org}, title: 研究员 }`, ''].join('\n'),
		);
	}
	const sentences = [
		`${eventName}于${year}年在${city}举行，${people.length}位学者作了报告。`,
		...people.map((p, i) => `${p.name}在第${n}号论坛的第${i + 1}个报告中谈到材料基因组的最新进展。`),
		`本届论坛的第${n}份纪要由秘书处整理。`,
	];
	writeFileSync(join(dir, 'seeds', seed), `${sentences.join('\n')}\n`);
	writeFileSync(
		join(dir, 'content/articles', `${article}.md`),
		`---\ntitle: 第${n}届青年学者论坛纪要\nkind: recap\nsource: { outlet: ${city}日报 }\ndate: ${year}-0${1 + (variant % 9)}-2${variant % 8}\nseed: ${seed}\nevents: [${event}]\npeople:\n${people.map((p) => `  - { speaker: ${p.id} }`).join('\n')}\ntopics: [${topic}]\n---\n\n${sentences.join('\n\n')}\n`,
	);
	return { event, article, speakers: people.map((p) => p.id), seed };
}

