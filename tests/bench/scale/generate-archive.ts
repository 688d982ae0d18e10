import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { pinyinName } from '../../../src/schemas/pinyin-name';
import { GIVEN, LATIN, SURNAMES, UNITS, random, seedSentences } from '../corpus';

/** What was generated, so tests and the benchmark can check every entry made it to the site. */
export interface GeneratedArchive {
	root: string;
	events: { id: string; name: string }[];
	speakers: { id: string; name: string; aliases: string[] }[];
	articles: { id: string; title: string; phrase: string }[];
	/** Chars of article body text, summed. */
	articleChars: number;
}

/** The page every generated article, event and speaker must have, as paths under the built site. */
export const entryPages = (archive: GeneratedArchive): string[] => [
	...archive.articles.map((a) => `articles/${a.id}/index.html`),
	...archive.events.map((e) => `events/${e.id}/index.html`),
	...archive.speakers.map((s) => `speakers/${s.id}/index.html`),
];

const CITIES = ['北京', '上海', '深圳', '杭州', '广州', '成都', '武汉', '南京', '西安', '合肥', '苏州', '天津', '重庆', '长沙', '青岛', '厦门'];
const FIELDS = ['医学影像', '科学智能', '药物研发', '肿瘤诊疗', '智慧医院', '算力网络', '新能源材料', '生命科学', '大模型安全', '数字健康', '脑科学', '合成生物', '量子计算', '具身智能', '数据要素', '精准医学', '气象预测', '蛋白质设计', '医疗器械', '公共卫生'];
const EVENT_KINDS = [['forum', '论坛'], ['summit', '峰会'], ['conference', '学术会议'], ['salon', '沙龙'], ['launch', '发布会']] as const;
const ROLES = ['keynote', 'talk', 'talk', 'talk', 'remarks', 'panel', 'opening-remarks', 'host'] as const;
const TITLES = ['教授', '研究员', '院长', '主任', '首席科学家', '副院长', '总经理', '院士', '主任医师', '副教授'];
const OUTLETS = ['新华网', '科技日报', '人民网', '中国科学报', '光明网', '北京日报', '健康报', '澎湃新闻'];
const FIRST = [['Anna', '安娜'], ['David', '戴维'], ['Maria', '玛丽亚'], ['John', '约翰'], ['Lena', '莉娜'], ['Pierre', '皮埃尔'], ['Carlos', '卡洛斯'], ['Eva', '伊娃'], ['Omar', '奥马尔'], ['Sofia', '索菲娅']] as const;
const LAST = [['Becker', '贝克尔'], ['Rossi', '罗西'], ['Smith', '史密斯'], ['Nilsson', '尼尔松'], ['Dubois', '杜布瓦'], ['Silva', '席尔瓦'], ['Novak', '诺瓦克'], ['Haddad', '哈达德'], ['Müller', '穆勒'], ['Kowalski', '科瓦尔斯基'], ['Jensen', '延森'], ['Moreau', '莫罗'], ['García', '加西亚'], ['Ivanova', '伊万诺娃'], ['Okafor', '奥卡福'], ['Larsen', '拉森'], ['Weber', '韦伯'], ['Costa', '科斯塔'], ['Fischer', '菲舍尔'], ['Yilmaz', '耶尔马兹']] as const;

const pad = (n: number, width = 5) => String(n).padStart(width, '0');
const day = (base: Date, plus: number) => new Date(base.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
const frontmatter = (data: object, body: string) => `---\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}---\n\n${body}\n`;

/**
 * A realistic proceedings archive of `articles` recaps, written as content files under
 * `<root>/content` with one source document each in `<root>/seeds`: one event per 50 articles
 * (agenda of 8–14 talks, organisers, series), one speaker per 5 (some foreign, some with aliases,
 * each with the roles their articles give), and article bodies of ~`chars` characters recombined
 * from the seed texts' sentences, quoting the event's speakers and linking to the event page.
 * Deterministic: the same arguments write the same files.
 */
export function generateArchive(root: string, seedsDir: string, articles: number, chars = 3200): GeneratedArchive {
	const rng = random(20261124 + articles);
	const sentences = seedSentences(seedsDir);
	rmSync(root, { recursive: true, force: true });
	for (const dir of ['content/events', 'content/speakers', 'content/articles', 'seeds']) mkdirSync(join(root, dir), { recursive: true });

	// Lists: series, organisations, topics.
	const series = CITIES.slice(0, 12).map((city, i) => ({ id: `series-${pad(i, 2)}`, name: `${city}${FIELDS[i]}论坛`, description: `${city}每年举办的${FIELDS[i]}领域系列活动。`, firstYear: 2015 + (i % 5) }));
	const orgNames = new Set<string>();
	while (orgNames.size < 150) orgNames.add(`${rng.pick(CITIES)}${rng.pick(FIELDS)}${rng.pick(UNITS)}`);
	const orgs = [...orgNames].map((name, i) => ({ id: `org-${pad(i, 3)}`, name }));
	const topics = FIELDS.map((name, i) => ({ id: `topic-${pad(i, 2)}`, name, description: `${name}相关的活动与报道。` }));
	writeFileSync(join(root, 'content/site.yaml'), stringify({ title: '生成的会议文库', tagline: '规模测试', description: `${articles} 篇生成文章的会议文库，用于规模测试。` }));
	writeFileSync(join(root, 'content/series.yaml'), stringify(series));
	writeFileSync(join(root, 'content/organizations.yaml'), stringify(orgs));
	writeFileSync(join(root, 'content/topics.yaml'), stringify(topics));

	// Speakers: unique names, aliases and pinyin, so the "probably one person" check stays quiet.
	const speakerCount = Math.max(10, Math.round(articles / 5));
	const taken = new Set<string>();
	const speakers: { id: string; name: string; aliases: string[]; originalName?: string; role: { org: string; title: string } }[] = [];
	while (speakers.length < speakerCount) {
		const i = speakers.length;
		const role = { org: rng.pick(orgs).id, title: rng.pick(TITLES) };
		if (i % 12 === 5) {
			const n = Math.floor(i / 12);
			const [first, firstZh] = FIRST[n % FIRST.length]!;
			const [last, lastZh] = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
			// Past 200 foreign names (2,400 speakers), a middle initial keeps them distinct.
			const middle = n >= FIRST.length * LAST.length ? String.fromCharCode(65 + (Math.floor(n / 200) % 26)) : '';
			const name = `${firstZh}·${middle ? `${middle}·` : ''}${lastZh}`;
			speakers.push({ id: `speaker-${pad(i)}`, name, aliases: [`${first[0]}. ${middle ? `${middle}. ` : ''}${last}`], originalName: `${first} ${middle ? `${middle}. ` : ''}${last}`, role });
			continue;
		}
		const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.next() < 0.8 ? rng.pick(GIVEN) : '');
		const alias = rng.next() < 0.2 ? `${name.slice(0, 1)}${rng.pick(GIVEN)}${name.slice(1)}` : undefined;
		const keys = [name, alias, pinyinName(name).compact, alias && pinyinName(alias).compact].filter(Boolean) as string[];
		if (keys.some((k) => taken.has(k))) continue;
		for (const k of keys) taken.add(k);
		speakers.push({ id: `speaker-${pad(i)}`, name, aliases: alias ? [alias] : [], role });
	}
	const orgName = new Map(orgs.map((o) => [o.id, o.name]));
	const asGiven = (s: (typeof speakers)[number]) => `${orgName.get(s.role.org)}${s.role.title}`;

	// Events, whose agendas go through every speaker at least once.
	const eventCount = Math.max(2, Math.round(articles / 50));
	let next = 0;
	const nextSpeaker = () => (next < speakers.length ? speakers[next++]! : rng.pick(speakers));
	const events = Array.from({ length: eventCount }, (_, i) => {
		const [kind, kindName] = rng.pick(EVENT_KINDS);
		const field = rng.pick(FIELDS);
		const city = rng.pick(CITIES);
		const start = new Date(Date.UTC(2015 + (i % 11), rng.int(0, 11), rng.int(1, 27)));
		const name = `${start.getUTCFullYear()}${city}${field}${kindName}（第${i + 1}期）`;
		const agenda = Array.from({ length: rng.int(8, 14) }, () => {
			const who = rng.next() < 0.2 ? [nextSpeaker(), nextSpeaker()] : [nextSpeaker()];
			return { title: rng.pick(sentences).slice(0, rng.int(8, 20)).replace(/[，。、“”：]/g, ''), role: rng.pick(ROLES), speakers: [...new Set(who.map((s) => s.id))], summary: rng.pick(sentences) };
		});
		const topicIds = [...new Set([topics[FIELDS.indexOf(field)]!.id, rng.pick(topics).id])];
		const data = {
			name,
			shortName: name,
			kind,
			series: [{ series: series[i % series.length]!.id, edition: Math.floor(i / series.length) + 1 }],
			start: start.toISOString().slice(0, 10),
			...(rng.next() < 0.4 ? { end: day(start, 1) } : {}),
			format: rng.pick(['in-person', 'online', 'hybrid'] as const),
			venue: { name: `${city}国际会议中心`, city },
			organizers: [{ tier: 'host', org: rng.pick(orgs).id }, { tier: 'organizer', org: rng.pick(orgs).id }],
			theme: `${field}与高质量发展`,
			agenda,
			facts: [{ label: '参会嘉宾', value: `${rng.int(50, 900)}余位` }],
			topics: topicIds,
		};
		const body = `${data.start}，${name}在${city}举行。${rng.pick(sentences)}\n\n${rng.pick(sentences)}${rng.pick(sentences)}`;
		writeFileSync(join(root, 'content/events', `event-${pad(i, 4)}.md`), frontmatter(data, body));
		return { id: `event-${pad(i, 4)}`, name, start, topicIds, speakerIds: [...new Set(agenda.flatMap((t) => t.speakers))] };
	});

	// Articles: each reports one event and quotes its speakers; every speaker is quoted somewhere.
	const appearances = new Map<string, { article: string; event: string }[]>();
	const unquoted = new Set(speakers.map((s) => s.id));
	const byId = new Map(speakers.map((s) => [s.id, s]));
	const generated: GeneratedArchive['articles'] = [];
	let articleChars = 0;
	for (let i = 0; i < articles; i++) {
		const id = `article-${pad(i)}`;
		const event = events[i % eventCount]!;
		const pool = event.speakerIds;
		const people = [...new Set([...pool.filter((s) => unquoted.has(s)).slice(0, 3), rng.pick(pool), rng.pick(pool)])].slice(0, 5);
		for (const s of people) {
			unquoted.delete(s);
			const list = appearances.get(s) ?? [];
			if (list.length < 3) appearances.set(s, [...list, { article: id, event: event.id }]);
		}
		const paragraphs: string[] = [];
		let length = 0;
		let section = 0;
		while (length < chars) {
			if (paragraphs.length % 5 === 1) paragraphs.push(`## ${rng.pick(sentences).slice(0, rng.int(6, 14)).replace(/[，。、“”：]/g, '')}${++section}`);
			const speaker = byId.get(rng.pick(people))!;
			let p = Array.from({ length: rng.int(2, 4) }, () => rng.pick(sentences)).join('');
			if (rng.next() < 0.5) p = `${speaker.name}（${asGiven(speaker)}）表示，${p}`;
			if (rng.next() < 0.2) p = p.replace(/。$/, `，并介绍了${rng.pick(LATIN)}的最新进展。`);
			paragraphs.push(p);
			length += p.length;
		}
		paragraphs.push(`详见[${event.name}活动页](/events/${event.id}/)。`);
		// A phrase of this article alone, for "every article is searchable".
		const phrase = `第${i + 1}号纪要`;
		paragraphs.splice(1, 0, `本文为${event.name}${phrase}。`);
		const body = paragraphs.join('\n\n');
		articleChars += body.length;
		const title = `${byId.get(people[0]!)!.name}：${rng.pick(sentences).slice(0, rng.int(8, 18)).replace(/[，。、“”：]/g, '')}`;
		const seed = `gen-${pad(i)}.txt`;
		writeFileSync(join(root, 'seeds', seed), `${title}\n\n${body.replace(/^## /gm, '')}\n`);
		const data = {
			title,
			kind: rng.pick(['recap', 'news', 'interview'] as const),
			source: { outlet: rng.pick(OUTLETS) },
			bylines: [{ role: '记者', name: rng.pick(SURNAMES) + rng.pick(GIVEN) + rng.pick(GIVEN) }],
			date: day(event.start, rng.int(0, 20)),
			seed,
			events: [event.id],
			people: people.map((speaker) => ({ speaker, as: 'quoted' })),
			topics: event.topicIds,
		};
		writeFileSync(join(root, 'content/articles', `${id}.md`), frontmatter(data, body));
		generated.push({ id, title, phrase });
	}

	if (unquoted.size) throw new Error(`generateArchive: ${unquoted.size} speakers never quoted; generate more articles`);
	for (const s of speakers) {
		const data = {
			name: s.name,
			...(s.originalName ? { originalName: s.originalName } : {}),
			...(s.aliases.length ? { aliases: s.aliases } : {}),
			appearances: (appearances.get(s.id) ?? []).map((a) => ({ ...a, asGiven: asGiven(s), roles: [s.role] })),
		};
		writeFileSync(join(root, 'content/speakers', `${s.id}.yaml`), stringify(data, { lineWidth: 0, aliasDuplicateObjects: false }));
	}
	return {
		root,
		events: events.map((e) => ({ id: e.id, name: e.name })),
		speakers: speakers.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases })),
		articles: generated,
		articleChars,
	};
}
