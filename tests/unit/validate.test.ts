import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateContent } from '../../src/validate/validate';
import { SITES } from '../support/sites';

const fixture = SITES.proceedings.root;
import { copyContent, replaceIn as edit, validateBroken as check } from '../support/content-copy';
import { formatProblem } from '../../src/validate/problem';

const write = (dir: string, file: string, text: string) => writeFileSync(join(dir, file), text);
const ARTICLE = 'content/articles/zhejiang-5g-applications.md';
const EVENT = 'content/events/ai-for-science-summit-2023.md';
const SPEAKER = 'content/speakers/tang-chao.yaml';

test('the proceedings fixture is valid; its only warnings are its images still on the outlets’ servers, each at its line', () => {
	const problems = validateContent(fixture).problems;
	expect(problems.length).toBeGreaterThan(0);
	for (const p of problems) {
		expect([p.severity, p.code], p.message).toEqual(['warning', 'remote-image']);
		const src = /^图片“([^”]+)”/.exec(p.message)![1]!;
		expect(readFileSync(join(fixture, p.file), 'utf8').split('\n')[p.line! - 1], src).toContain(`](${src})`);
		expect(p.message).toContain(`“npm run import -- --images ${p.file}”`);
	}
});

describe('the programme: times, days, sessions and the time zone', () => {
	const timed = (item: string) => (d: string) => edit(d, EVENT, '  - role: lead-remarks\n    speakers: [e-weinan]', `  - role: lead-remarks\n    speakers: [e-weinan]\n${item}`);
	test('an impossible time, with the form to use', () => {
		expect(check(timed('    day: 2023-08-10\n    start: "24:30"'))).toEqual([
			'content/events/ai-for-science-summit-2023.md:21:12  错误  agenda[0].start  时间“24:30”无效：请写成 24 小时制的“时:分”，如 09:30、14:00  [invalid-time]',
		]);
	});
	test('a time zone that is not an IANA name: the one meant, when it is clear', () => {
		expect(check((d) => edit(d, EVENT, 'end: 2023-08-11', 'end: 2023-08-11\ntimeZone: Shanghai'))).toEqual([
			'content/events/ai-for-science-summit-2023.md:10:11  错误  timeZone  时区“Shanghai”不是 IANA 时区名：是否想写“Asia/Shanghai”？  [invalid-time-zone]',
		]);
	});
	test('a day outside the event, an end before the start, a time with no day on a two-day event', () => {
		expect(check(timed('    day: 2023-08-12\n    start: "10:00"'))).toEqual([
			'content/events/ai-for-science-summit-2023.md:20:10  错误  agenda[0].day  日子 2023-08-12 不在活动日期（2023-08-10 至 2023-08-11）之内：请核对议程。  [schedule-conflict]',
		]);
		expect(check(timed('    day: 2023-08-10\n    start: "10:00"\n    end: "09:40"'))).toEqual([
			'content/events/ai-for-science-summit-2023.md:22:10  错误  agenda[0].end  结束时间 09:40 不晚于开始时间 10:00：请核对议程（跨过午夜的安排请分成两天写）。  [schedule-conflict]',
		]);
		expect(check(timed('    start: "10:00"'))).toEqual([
			'content/events/ai-for-science-summit-2023.md:18:5  错误  agenda[0].day  有开始时间 10:00，却不知道是哪一天：活动不止一天（或日期没写到日），请加一行 day: YYYY-MM-DD。  [schedule-conflict]',
		]);
	});
	test('slides kept in the repository that are not there: located, with where to put them; media with neither url nor file', () => {
		expect(check(timed('    media:\n      - { kind: slides, file: /media/keynote.pdf }'))).toEqual([
			'content/events/ai-for-science-summit-2023.md:21:31  错误  agenda[0].media[0].file  找不到文件“/media/keynote.pdf”：请把它放进 public/media/keynote.pdf（以 / 开头的路径从 public/ 算起），或检查文件名；文件在网上的，改写 url。  [missing-media]',
		]);
		expect(check(timed('    media:\n      - { kind: recording, platform: B站 }'))).toEqual([
			'content/events/ai-for-science-summit-2023.md:21:9  错误  agenda[0].media[0]  请填写 url（网上的地址）或 file（仓库 public/ 中的文件）  [invalid-value]',
		]);
	});
	test('one person in two items at the same time: an error, as their calendar entries would be one', () => {
		const both = (d: string) => {
			timed('    day: 2023-08-10\n    start: "10:00"')(d);
			edit(d, EVENT, '  - role: remarks\n    speakers: [tang-chao]', '  - role: remarks\n    speakers: [e-weinan]\n    day: 2023-08-10\n    start: "10:00"');
		};
		expect(check(both)).toEqual([
			'content/events/ai-for-science-summit-2023.md:26:12  错误  agenda[1].start  与议程第 1 项同一天、同一时间（2023-08-10 10:00），嘉宾也是“e-weinan”：同一人不能同时在两处，请核对时间。  [schedule-conflict]',
		]);
	});
	test('a session the agenda names that the event does not list: the sessions it has, the closest first', () => {
		const withSessions = (d: string) => edit(d, EVENT, 'agenda:', 'sessions:\n  - { id: forum-a, title: 分论坛一, day: 2023-08-11, chairs: [tang-chao] }\nagenda:');
		expect(check((d) => { withSessions(d); timed('    session: forum-b\n    start: "10:00"')(d); })).toEqual([
			'content/events/ai-for-science-summit-2023.md:22:14  错误  agenda[0].session  找不到单元“forum-b”：本活动的单元有 forum-a。是否想写“forum-a”？  [schedule-conflict]',
		]);
		// Named rightly, the item takes its session's day: no day to add.
		expect(check((d) => { withSessions(d); timed('    session: forum-a\n    start: "10:00"')(d); })).toEqual([]);
	});
});

describe('a merged person’s former ids', () => {
	const merge = (d: string) => edit(d, SPEAKER, 'name: 汤超\n', 'name: 汤超\nformerIds: [chao-tang]\n');
	test('a reference to a former id names the id it became', () => {
		expect(check((d) => { merge(d); edit(d, EVENT, 'speakers: [tang-chao]', 'speakers: [chao-tang]'); })).toEqual([
			'content/events/ai-for-science-summit-2023.md:22:16  错误  agenda[1].speakers[0]  “chao-tang”是嘉宾“汤超”合并前的旧 id：请改为“tang-chao”。  [former-id]',
		]);
	});
	test('a former id still used by a file: the merge is not finished', () => {
		expect(check((d) => { merge(d); write(d, 'content/speakers/chao-tang.yaml', readFileSync(join(d, SPEAKER), 'utf8').replace('formerIds: [chao-tang]\n', 'distinctFrom: [tang-chao]\ndisambiguation: 旧记录\n')); })).toEqual([
			'content/speakers/tang-chao.yaml:2:13  错误  formerIds[0]  旧 id“chao-tang”仍是 content/speakers/chao-tang.yaml 的 id：合并后请删除那个文件（它的出处并入这里），旧网址才会跳转到“tang-chao”。  [former-id]',
		]);
	});
});

describe('references', () => {
	test('a misspelt speaker id gets the closest id', () => {
		expect(check((d) => edit(d, ARTICLE, 'speaker: xin-wei,', 'speaker: xin-wie,'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:15:16  错误  people[1].speaker  找不到嘉宾“xin-wie”：请检查拼写，或在 content/speakers/xin-wie.yaml 中添加该嘉宾。是否想写“xin-wei”？  [unknown-reference]",
			]
		`);
	});
	test('a name written where an id belongs gets its id', () => {
		expect(check((d) => edit(d, EVENT, 'speakers: [e-weinan]', 'speakers: [鄂维南]'))).toMatchInlineSnapshot(`
			[
			  "content/events/ai-for-science-summit-2023.md:19:16  错误  agenda[0].speakers[0]  “鄂维南”是名称，这里要填 id：请改为“e-weinan”。  [name-instead-of-id]",
			]
		`);
	});
	test('an unknown event', () => {
		expect(check((d) => edit(d, ARTICLE, 'events: [miit-media-tour-zhejiang-2024]', 'events: [miit-media-tour-2024]'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:12:10  错误  events[0]  找不到活动“miit-media-tour-2024”：请检查拼写，或在 content/events/miit-media-tour-2024.md 中添加该活动。  [unknown-reference]",
			]
		`);
	});
	test('an unknown topic', () => {
		expect(check((d) => edit(d, ARTICLE, 'topics: [5g]', 'topics: [6g]'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:18:10  错误  topics[0]  找不到专题“6g”：请检查拼写，或在 content/topics.yaml 中添加该专题。是否想写“5g”？  [unknown-reference]",
			]
		`);
	});
	test('an unknown series', () => {
		expect(check((d) => edit(d, EVENT, '{ series: ai-for-science-summit }', '{ series: ai4s-summit }'))).toMatchInlineSnapshot(`
			[
			  "content/events/ai-for-science-summit-2023.md:7:15  错误  series[1].series  找不到系列“ai4s-summit”：请检查拼写，或在 content/series.yaml 中添加该系列。  [unknown-reference]",
			]
		`);
	});
	test('an unknown organiser', () => {
		expect(check((d) => edit(d, EVENT, 'org: beijing-aisi', 'org: bjaisi'))).toMatchInlineSnapshot(`
			[
			  "content/events/ai-for-science-summit-2023.md:13:24  错误  organizers[0].org  找不到机构“bjaisi”：请检查拼写，或在 content/organizations.yaml 中添加该机构。  [unknown-reference]",
			]
		`);
	});
	test('an unknown organisation in a speaker’s roles', () => {
		expect(check((d) => edit(d, SPEAKER, 'org: nsfc', 'org: nsf'))).toMatchInlineSnapshot(`
			[
			  "content/speakers/tang-chao.yaml:9:16  错误  appearances[0].roles[2].org  找不到机构“nsf”：请检查拼写，或在 content/organizations.yaml 中添加该机构。是否想写“nsfc”？  [unknown-reference]",
			]
		`);
	});
	test('an appearance citing an article that does not exist', () => {
		expect(check((d) => edit(d, SPEAKER, 'article: ai-for-science-summit-2023-observation', 'article: ai-for-science-summit-2023'))).toMatchInlineSnapshot(`
			[
			  "content/speakers/tang-chao.yaml:3:14  错误  appearances[0].article  找不到文章“ai-for-science-summit-2023”：请检查拼写，或在 content/articles/ai-for-science-summit-2023.md 中添加该文章。是否想写“ai-for-science-summit-2023-observation”？  [unknown-reference]",
			]
		`);
	});
	test('a draft article’s people may cite it; an agenda that names them waits for it, and says so', () => {
		const problems = check((d) => edit(d, 'content/articles/ai-for-science-summit-2023-observation.md', 'kind: recap', 'kind: recap\ndraft: true'));
		// The speakers' own files are fine: an appearance may cite a draft.
		expect(problems.filter((p) => p.includes('content/speakers/'))).toEqual([]);
		expect(problems[0]).toBe(
			'content/events/ai-for-science-summit-2023.md:19:16  错误  agenda[0].speakers[0]  嘉宾“e-weinan”的出处文章都还是草稿，页面要等其中一篇发布后才生成：请先发布出处文章（删掉其 draft: true），或删除这条引用。  [reference-to-draft]',
		);
		expect(problems.every((p) => p.startsWith(`${EVENT}:`) && p.endsWith('[reference-to-draft]'))).toBe(true);
	});
	test('a new draft article and a new person who cites it validate clean', () => {
		expect(
			check((d) => {
				write(d, 'content/articles/draft-report.md', '---\ntitle: 草稿报道\nkind: news\nsource: { outlet: 某报 }\nseed: 004_9f60c6357115246a.txt\ndraft: true\npeople:\n  - { speaker: wang-xiaoming, as: mentioned }\n---\n');
				write(d, 'content/speakers/wang-xiaoming.yaml', 'name: 王小明\nappearances:\n  - article: draft-report\n    asGiven: 某大学教授\n');
			}),
		).toEqual([]);
	});
	test('an id used twice in a list', () => {
		expect(check((d) => edit(d, 'content/topics.yaml', '- id: databases', '- id: 5g'))).toMatchInlineSnapshot(`
			[
			  "content/articles/tencent-cloud-tpc-ds.md:12:10  错误  topics[0]  找不到专题“databases”：请检查拼写，或在 content/topics.yaml 中添加该专题。  [unknown-reference]",
			  "content/topics.yaml:29:7  错误  [9].id  id“5g”已在第 9 项用过：每个 id 只能出现一次。  [duplicate-id]",
			]
		`);
	});
	test('an id written with capitals', () => {
		expect(check((d) => edit(d, ARTICLE, 'speaker: xin-wei,', 'speaker: Xin-Wei,'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:15:16  错误  people[1].speaker  id 只能使用小写字母、数字和单个连字符（如 e-weinan）：是否想写“xin-wei”？  [invalid-format]",
			]
		`);
	});
});

describe('people who are probably one', () => {
	const appearance = 'appearances:\n  - article: ai-for-science-summit-2023-observation\n    asGiven: 之江实验室主任\n';
	test('same name', () => {
		expect(check((d) => write(d, 'content/speakers/wang-jian-2.yaml', `name: 王坚\n${appearance}`))).toMatchInlineSnapshot(`
			[
			  "content/speakers/wang-jian-2.yaml:1:7  警告  name  与嘉宾“wang-jian”姓名或别名相同，可能是同一个人：若是，请合并为一个文件并把另一种写法放进 aliases；若不是，请在这里加一行 distinctFrom: [wang-jian]，表明两人不同。  [duplicate-person]",
			  "content/speakers/wang-jian.yaml:1:7  警告  name  与嘉宾“wang-jian-2”姓名或别名相同，可能是同一个人：若是，请合并为一个文件并把另一种写法放进 aliases；若不是，请在这里加一行 distinctFrom: [wang-jian-2]，表明两人不同。  [duplicate-person]",
			]
		`);
	});
	test('same pinyin', () => {
		expect(check((d) => write(d, 'content/speakers/wang-jian-2.yaml', `name: 王健\n${appearance}`))).toMatchInlineSnapshot(`
			[
			  "content/speakers/wang-jian-2.yaml:1:7  警告  name  与嘉宾“wang-jian”拼音相同，可能是同一个人：若是，请合并为一个文件并把另一种写法放进 aliases；若不是，请在这里加一行 distinctFrom: [wang-jian]，表明两人不同。  [duplicate-person]",
			  "content/speakers/wang-jian.yaml:1:7  警告  name  与嘉宾“wang-jian-2”拼音相同，可能是同一个人：若是，请合并为一个文件并把另一种写法放进 aliases；若不是，请在这里加一行 distinctFrom: [wang-jian-2]，表明两人不同。  [duplicate-person]",
			]
		`);
	});
	test('distinctFrom on either file tells two namesakes apart; a third is still asked about', () => {
		expect(check((d) => write(d, 'content/speakers/wang-jian-2.yaml', `name: 王坚\ndistinctFrom: [wang-jian]\n${appearance}`))).toEqual([]);
		const third = check((d) => {
			write(d, 'content/speakers/wang-jian-2.yaml', `name: 王坚\ndistinctFrom: [wang-jian]\ndisambiguation: 甲\n${appearance}`);
			write(d, 'content/speakers/wang-jian-3.yaml', `name: 王坚\ndistinctFrom: [wang-jian-2]\ndisambiguation: 乙\n${appearance}`);
		});
		expect(third.map((p) => p.split('  ')[0] + ' ' + /distinctFrom: \[([\w-]+)\]/.exec(p)?.[1])).toEqual([
			'content/speakers/wang-jian-3.yaml:1:7 wang-jian',
			'content/speakers/wang-jian.yaml:1:7 wang-jian-3',
		]);
		expect(check((d) => write(d, 'content/speakers/wang-jian-2.yaml', `name: 王坚\ndistinctFrom: [wang-jain]\n${appearance}`)).join('\n')).toContain('找不到嘉宾“wang-jain”：请检查拼写，或在 content/speakers/wang-jain.yaml 中添加该嘉宾。是否想写“wang-jian”？');
	});
	test('two namesakes who would be shown alike: an error that asks for disambiguation, which settles it', () => {
		const twin = (extra: string) => (d: string) => write(d, 'content/speakers/wang-jian-2.yaml', `distinctFrom: [wang-jian]\n${extra}${readFileSync(join(d, 'content/speakers/wang-jian.yaml'), 'utf8')}`);
		const problems = check(twin(''));
		expect(problems).toHaveLength(2);
		expect(problems[0]).toMatch(/^content\/speakers\/wang-jian-2\.yaml:\d+:7  错误  disambiguation  同名嘉宾“wang-jian-2”和“wang-jian”在网站上都会显示为“王坚（.+）”，读者分不清：请在其中一人的文件里加一行 disambiguation: 区分说明（如所在机构、专业）。  \[namesake-unclear\]$/);
		expect(check(twin('disambiguation: 浙江大学\n'))).toEqual([]);
	});
	test('an alias that only changes the dot or spacing of a name already listed: a warning to delete it', () => {
		const found = check((d) => edit(d, 'content/speakers/hugo-aerts.yaml', 'originalName: Hugo Aerts', 'originalName: Hugo Aerts\naliases: [雨果·彼得, 雨果・彼得, Hugo  Aerts, 胡戈]'));
		expect(found).toEqual([
			expect.stringMatching(/^content\/speakers\/hugo-aerts\.yaml:3:11  警告  aliases\[0\]  别名“雨果·彼得”与“雨果•彼得”只差间隔号（· • ・）、空格、大小写或繁简体，搜索已把它们当作同一写法：请删除这个别名。  \[redundant-alias\]$/),
			expect.stringMatching(/aliases\[1\]  别名“雨果・彼得”与“雨果•彼得”/),
			expect.stringMatching(/aliases\[2\]  别名“Hugo  Aerts”与“Hugo Aerts”/),
		]);
	});
	test('a pinyin override that spells no reading of the name: a warning at the line, saying what it is used for', () => {
		expect(check((d) => write(d, 'content/speakers/mo-chongshan.yaml', `name: 莫重山\npinyin: Mo Chongshn\n${appearance}`))).toEqual([
			'content/speakers/mo-chongshan.yaml:2:9  警告  pinyin  拼音“Mo Chongshn”拼不出“莫重山”各字的任何一种读音：请检查拼写（“姓 名”两段，如 Wan Chongshan）。按拼音或首字母搜索此人时用的就是这里的拼音。  [pinyin-mismatch]',
		]);
		expect(check((d) => write(d, 'content/speakers/mo-chongshan.yaml', `name: 莫重山\npinyin: Mo Chongshan\n${appearance}`))).toEqual([]);
	});
		test('an alias that is another person’s name', () => {
		expect(check((d) => write(d, 'content/speakers/hugo.yaml', `name: 胡戈\noriginalName: Hugo\naliases: [雨果·彼得]\n${appearance}`))).toMatchInlineSnapshot(`
			[
			  "content/speakers/hugo-aerts.yaml:1:7  警告  name  与嘉宾“hugo”姓名或别名相同，可能是同一个人：若是，请合并为一个文件并把另一种写法放进 aliases；若不是，请在这里加一行 distinctFrom: [hugo]，表明两人不同。  [duplicate-person]",
			  "content/speakers/hugo.yaml:1:7  警告  name  与嘉宾“hugo-aerts”姓名或别名相同，可能是同一个人：若是，请合并为一个文件并把另一种写法放进 aliases；若不是，请在这里加一行 distinctFrom: [hugo-aerts]，表明两人不同。  [duplicate-person]",
			]
		`);
	});
});

describe('dates', () => {
	test('an event that ends before it starts', () => {
		expect(check((d) => edit(d, EVENT, 'end: 2023-08-11', 'end: 2023-08-01'))).toMatchInlineSnapshot(`
			[
			  "content/events/ai-for-science-summit-2023.md:9:6  错误  end  结束日期 2023-08-01 早于开始日期 2023-08-10：请检查两个日期。  [end-before-start]",
			]
		`);
	});
	test('an article dated long before its event (a warning)', () => {
		expect(check((d) => edit(d, 'content/articles/ai-for-science-summit-2023-observation.md', 'date: 2023-08-11', 'date: 2013-08-11'))).toMatchInlineSnapshot(`
			[
			  "content/articles/ai-for-science-summit-2023-observation.md:9:7  警告  date  文章日期 2013-08-11 比所报道的活动“2023全球科学智能峰会”（2023-08-10）早了一年以上：请确认日期或 events[0] 是否填错。  [article-before-event]",
			]
		`);
	});
	test('an original URL without the day it was looked at (a warning with a date to copy); a month is not a day', () => {
		const ARTICLE = 'content/articles/ai-for-science-summit-2023-observation.md';
		const found = check((d) => edit(d, ARTICLE, '  outlet: 新华网', '  outlet: 新华网\n  url: http://www.news.cn/x.htm'));
		expect(found).toEqual([expect.stringMatching(/^content\/articles\/ai-for-science-summit-2023-observation\.md:\d+:\d+  警告  source\.accessed  填了原文网址，却没有引用日期.*accessed: \d{4}-\d{2}-\d{2}（你查看原文的日期）。  \[missing-access-date\]$/)]);
		expect(check((d) => edit(d, ARTICLE, '  outlet: 新华网', '  outlet: 新华网\n  url: http://www.news.cn/x.htm\n  accessed: 2026-12-03'))).toEqual([]);
		expect(check((d) => edit(d, ARTICLE, '  outlet: 新华网', '  outlet: 新华网\n  url: http://www.news.cn/x.htm\n  accessed: 2026-12'))).toEqual([
			expect.stringMatching(/  错误  source\.accessed  引用日期要写到日，如 2026-12-03/),
		]);
	});
	test('a date in Chinese', () => {
		expect(check((d) => edit(d, EVENT, 'start: 2023-08-10', 'start: 2023年8月10日'))).toMatchInlineSnapshot(`
			[
			  "content/events/ai-for-science-summit-2023.md:8:8  错误  start  日期“2023年8月10日”的写法不对：请改为 2023-08-10  [invalid-date]",
			]
		`);
	});
	test('an impossible date', () => {
		expect(check((d) => edit(d, EVENT, 'start: 2023-08-10', 'start: 2023-02-30'))).toMatchInlineSnapshot(`
			[
			  "content/events/ai-for-science-summit-2023.md:8:8  错误  start  日期“2023-02-30”无效：请写成 2022、2022-08 或 2022-08-05  [invalid-date]",
			]
		`);
	});
});

describe('fields', () => {
	test('an unknown field gets the closest known one', () => {
		expect(check((d) => edit(d, ARTICLE, 'topics: [5g]', 'topic: [5g]'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:18:1  错误  topic  没有“topic”这个字段。是否想写“topics”？可用的字段：title、subtitle、kind、source、bylines、date、dateNote、seed、events、people、topics、photoCredits、draft。  [unknown-field]",
			]
		`);
	});
	test('an unknown nested field', () => {
		expect(check((d) => edit(d, ARTICLE, '{ speaker: xin-wei, as: quoted }', '{ speaker: xin-wei, role: quoted }'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:15:25  错误  people[1].role  没有“role”这个字段。可用的字段：speaker、as。  [unknown-field]",
			]
		`);
	});
	test('a value that is not one of the options', () => {
		expect(check((d) => edit(d, ARTICLE, 'kind: news', 'kind: newz'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:3:7  错误  kind  “newz”不是可选的值。是否想写“news”？可选：recap（会议综述）、news（新闻）、interview（访谈）、schedule（日程预告）、photo（图片新闻）。  [invalid-option]",
			]
		`);
	});
	test('an organiser tier that does not exist', () => {
		expect(check((d) => edit(d, EVENT, 'tier: host', 'tier: hosts'))).toMatchInlineSnapshot(`
			[
			  "content/events/ai-for-science-summit-2023.md:13:13  错误  organizers[0].tier  “hosts”不是可选的值。是否想写“host”？可选：guidance（指导单位）、host（主办单位）、organizer（承办单位）、co-organizer（协办单位）、support（支持单位）。  [invalid-option]",
			]
		`);
	});
	test('a missing required field', () => {
		expect(check((d) => edit(d, ARTICLE, 'title: 浙江5G应用硕果累累\n', ''))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:2:1  错误  title  缺少必填字段“title”：请补上。  [missing-field]",
			]
		`);
	});
	test('a talk with no speaker', () => {
		expect(check((d) => edit(d, EVENT, 'speakers: [ma-jian]', 'speakers: []'))).toMatchInlineSnapshot(`
			[
			  "content/events/ai-for-science-summit-2023.md:38:15  错误  agenda[7].speakers  每个议程条目至少需要一位嘉宾  [too-few]",
			]
		`);
	});
	test('an appearance without the source’s wording', () => {
		expect(check((d) => edit(d, SPEAKER, /    asGiven: .*\n/, ''))).toMatchInlineSnapshot(`
			[
			  "content/speakers/tang-chao.yaml:3:5  错误  appearances[0].asGiven  缺少必填字段“asGiven”：请补上。  [missing-field]",
			]
		`);
	});
	test('a field written twice', () => {
		expect(check((d) => edit(d, ARTICLE, 'kind: news', 'kind: news\nkind: recap'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:4:1  错误  同一个字段写了两次：请删除其中一个。  [duplicate-field]",
			]
		`);
	});
});

describe('files', () => {
	test('a seed that is not in seeds/', () => {
		expect(check((d) => edit(d, ARTICLE, 'seed: 001_1101a6fbd11d82ea.txt', 'seed: 001.txt'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:9:7  错误  seed  seeds/ 中没有文件“001.txt”：请先把原始稿件原样放入 seeds/，再在 seed 字段填写其文件名。  [missing-seed]",
			]
		`);
	});
	test('an image from another site, in an article or an event: a warning at its line, with the command that archives it', () => {
		const dir = copyContent();
		try {
			edit(dir, ARTICLE, '## 智能工厂增效', '<img src="https://example.com/factory.jpg" alt="工厂">\n\n## 智能工厂增效');
			writeFileSync(join(dir, EVENT), `${readFileSync(join(dir, EVENT), 'utf8')}\n![会场](//example.org/hall.png)\n`);
			const found = validateContent(dir).problems.filter((p) => p.file === ARTICLE || p.file === EVENT).map(formatProblem);
			const eventLines = readFileSync(join(dir, EVENT), 'utf8').split('\n').length - 1;
			expect(found).toEqual([
				`${ARTICLE}:23:1  警告  图片“https://example.com/factory.jpg”还在外站（example.com）上：那里删除或拒绝外链时，本站就看不到它了。请运行“npm run import -- --images ${ARTICLE}”把图片下载进仓库；下载不到时，请从原文保存这张图，放进 public/images/，把地址改成 /images/文件名。  [remote-image]`,
				`${EVENT}:${eventLines}:1  警告  图片“//example.org/hall.png”还在外站（example.org）上：那里删除或拒绝外链时，本站就看不到它了。请运行“npm run import -- --images ${EVENT}”把图片下载进仓库；下载不到时，请从原文保存这张图，放进 public/images/，把地址改成 /images/文件名。  [remote-image]`,
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
	test('a local image that does not exist', () => {
		expect(check((d) => edit(d, ARTICLE, '## 智能工厂增效', '![工厂](/images/factory.jpg)\n\n## 智能工厂增效'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:23:1  错误  找不到图片“/images/factory.jpg”：请把图片放进 public/，用以 / 开头的路径引用，并检查文件名。  [missing-image]",
			]
		`);
	});
	test('a file name that is not an ASCII id', () => {
		expect(check((d) => write(d, 'content/speakers/王坚.yaml', readFileSync(join(fixture, SPEAKER), 'utf8').replace('汤超', '汤超超')))).toMatchInlineSnapshot(`
			[
			  "content/speakers/王坚.yaml:1:1  错误  文件名“王坚”不能用作 id：只能使用小写字母、数字和单个连字符（如 e-weinan），请重命名文件。  [invalid-id]",
			]
		`);
	});
	test('a file with the wrong extension would be silently dropped', () => {
		expect(check((d) => write(d, 'content/speakers/new-person.yml', 'name: 新人\n'))).toMatchInlineSnapshot(`
			[
			  "content/speakers/new-person.yml:1:1  错误  这个文件不会被发布：嘉宾文件必须以 .yaml 结尾。请改名，或移出 content/speakers/。  [ignored-file]",
			]
		`);
	});
	test('a list file that is not a list', () => {
		expect(check((d) => write(d, 'content/series.yaml', 'id: x\nname: y\n'))).toMatchInlineSnapshot(`
			[
			  "content/series.yaml:1:1  错误  这个文件应是一个列表：每一项以“- id: …”开头。  [not-a-list]",
			]
		`);
	});
});

describe('the fix, written out', () => {
	test('no space after a colon, and a colon inside a value: the corrected line', () => {
		expect(check((d) => edit(d, SPEAKER, /^name: 汤超$/m, 'name:汤超'))).toEqual([
			'content/speakers/tang-chao.yaml:1:1  错误  字段名后的冒号后面要有一个空格：请改为「name: 汤超」。  [colon-space]',
		]);
		expect(check((d) => edit(d, ARTICLE, /^  outlet: .*$/m, '  outlet: 华声在线: 湖南日报'))).toEqual([
			expect.stringMatching(/^content\/articles\/zhejiang-5g-applications\.md:\d+:\d+  错误  值里有“冒号加空格”，整个值要加引号：请改为「  outlet: "华声在线: 湖南日报"」。  \[quote-value\]$/),
		]);
	});
	test('one id where a list belongs: the list', () => {
		expect(check((d) => edit(d, EVENT, 'speakers: [e-weinan]', 'speakers: e-weinan'))).toEqual([
			'content/events/ai-for-science-summit-2023.md:19:15  错误  agenda[0].speakers  这里要写成列表（哪怕只有一项）：请改为「speakers: [e-weinan]」。  [not-a-list]',
		]);
	});
	test('an option written as its Chinese label: the value to write', () => {
		expect(check((d) => edit(d, EVENT, /^kind: \w+$/m, 'kind: 峰会'))).toEqual([
			expect.stringMatching(/  错误  kind  “峰会”是选项 summit 的中文名，这里要写英文值：请改为「kind: summit」。  \[invalid-option\]$/),
		]);
		expect(check((d) => edit(d, EVENT, /tier: host\b/, 'tier: 主办'))).toEqual([
			expect.stringMatching(/  错误  organizers\[\d\]\.tier  “主办”是选项 host 的中文名，这里要写英文值：请改为「tier: host」。  \[invalid-option\]$/),
		]);
	});
	test('values of the wrong kind: said in Chinese, with the fix where there is one', () => {
		const CELL = 'content/events/cell-science-beijing-2022.md';
		const problems = (file: string, from: string, to: string) => check((d) => edit(d, file, from, to)).map((p) => p.split('  ').slice(2).join('  '));
		expect(problems(EVENT, 'start: 2023-08-10', 'start: 2023.8')).toEqual(['start  日期“2023.8”的写法不对：请改为 2023-08  [invalid-date]']);
		expect(problems(EVENT, 'start: 2023-08-10', 'start: true')).toEqual(['start  这里填的是true/false，写法不对：请按 CONTRIBUTING.md 的字段说明填写“start”。  [invalid-type]']);
		expect(problems(EVENT, 'kind: summit', 'kind: [summit]')).toEqual(['kind  这里只能写一个值，不是列表：请去掉方括号，改为「kind: summit」。  [invalid-type]']);
		expect(problems(CELL, 'edition: 4', 'edition: 2.5')).toEqual(['series[2].edition  这里应填整数，现在填的是数字。  [invalid-type]']);
		expect(problems(CELL, 'edition: 4', 'edition: 0')).toEqual(['series[2].edition  数值太小：应大于 0。  [invalid-value]']);
		expect(problems(CELL, 'edition: 4', 'edition: 第四届')).toEqual(['series[2].edition  这里应填数字，现在填的是文字。  [invalid-type]']);
	});
	test('a seed file name with a slip: the file that exists', () => {
		expect(check((d) => edit(d, ARTICLE, 'seed: 001_1101a6fbd11d82ea.txt', 'seed: 001_1101a6fbd11d82eb.txt'))).toEqual([
			expect.stringMatching(/  错误  seed  seeds\/ 中没有文件“001_1101a6fbd11d82eb\.txt”：.*是否想写“001_1101a6fbd11d82ea\.txt”？  \[missing-seed\]$/),
		]);
	});
});

describe('syntax and encoding', () => {
	test('an empty file', () => {
		expect(check((d) => write(d, ARTICLE, ''))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:1:1  错误  文件是空的：请按 CONTRIBUTING.md 的字段说明填写内容，或删除这个文件。  [empty-file]",
			]
		`);
	});
	test('a missing front matter', () => {
		expect(check((d) => edit(d, ARTICLE, /^---\n[\s\S]*?\n---\n/, ''))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:1:1  错误  Markdown 文件缺少开头的字段区：第一行应为 ---，字段写完后再用一行 --- 结束，然后才是正文。  [no-frontmatter]",
			]
		`);
	});
	test('a YAML syntax error', () => {
		expect(check((d) => edit(d, ARTICLE, 'topics: [5g]', 'topics: [5g'))).toMatchInlineSnapshot(`
			[
			  "content/articles/zhejiang-5g-applications.md:18:12  错误  缩进不对，或方括号 [ ] 没有写完：同一级的字段要对齐（每级两个空格），列表写成 [a, b] 时要有结尾的 ]。  [yaml-syntax]",
			]
		`);
	});
	test('a tab used for indentation', () => {
		expect(check((d) => edit(d, SPEAKER, '  - article:', '\t- article:'))).toMatchInlineSnapshot(`
			[
			  "content/speakers/tang-chao.yaml:3:1  错误  YAML 不允许用 Tab 缩进：请把这一行开头的 Tab 改成空格（每级两个空格）。  [tab-indent]",
			]
		`);
	});
	test('a full-width colon after a field name', () => {
		expect(check((d) => edit(d, SPEAKER, 'name: 汤超', 'name：汤超'))).toMatchInlineSnapshot(`
			[
			  "content/speakers/tang-chao.yaml:1:5  错误  字段名“name”后面用了全角冒号“：”：请改为半角冒号加空格（name: …）。  [fullwidth-colon]",
			]
		`);
	});
	test('a byte-order mark', () => {
		expect(check((d) => edit(d, SPEAKER, /^/, '\uFEFF'))).toMatchInlineSnapshot(`
			[
			  "content/speakers/tang-chao.yaml:1:1  错误  文件开头有 BOM（字节顺序标记），字段区可能无法识别：请在编辑器中另存为“UTF-8（无 BOM）”。  [bom]",
			]
		`);
	});
	test('Windows line endings are accepted with a warning', () => {
		expect(check((d) => edit(d, SPEAKER, /\n/g, '\r\n'))).toMatchInlineSnapshot(`
			[
			  "content/speakers/tang-chao.yaml:1:1  警告  文件使用 Windows 换行符（CRLF）：已按 LF 处理，不影响构建；建议在编辑器中改为 LF。  [crlf]",
			]
		`);
	});
	test('unquoted and quoted dates mean the same', () => {
		expect(check((d) => edit(d, EVENT, 'start: 2023-08-10', "start: '2023-08-10'"))).toEqual([]);
	});
});

test('every problem in every file is reported in one run', () => {
	const problems = check((d) => {
		edit(d, ARTICLE, 'speaker: xin-wei,', 'speaker: xin-wie,');
		edit(d, EVENT, 'end: 2023-08-11', 'end: 2023-08-01');
		edit(d, SPEAKER, 'name: 汤超', 'name：汤超');
		write(d, 'content/articles/empty.md', '');
	});
	expect(problems.map((p) => p.split('  ')[0])).toEqual([
		'content/articles/empty.md:1:1',
		'content/articles/zhejiang-5g-applications.md:15:16',
		'content/events/ai-for-science-summit-2023.md:9:6',
		'content/speakers/tang-chao.yaml:1:5',
	]);
});

describe('site settings (content/site.yaml)', () => {
	const SITE = 'content/site.yaml';
	test('a missing settings file is named, with what to write in it', () => {
		expect(check((d) => rmSync(join(d, SITE)))).toMatchInlineSnapshot(`
			[
			  "content/site.yaml  错误  缺少 content/site.yaml：请创建它，至少写上 title（网站名称）、tagline（副标题）和 description（简介），字段见 CONTRIBUTING.md。  [missing-file]",
			]
		`);
	});
	test('an accent readers cannot read on the background is refused, with its contrast', () => {
		expect(check((d) => edit(d, SITE, "accent: '#8a1c1c'", "accent: '#f0c0c0'"))).toMatchInlineSnapshot(`
			[
			  "content/site.yaml:13:11  错误  theme.accent  颜色 #f0c0c0 在浅色背景上对比度只有 1.55:1，读者看不清链接：请选更深的颜色，对比度至少 4.5:1  [low-contrast]",
			]
		`);
	});
	test('an unquoted colour (a YAML comment) and an unknown nav entry', () => {
		expect(check((d) => edit(d, SITE, "accentDark: '#f08a7e'", 'accentDark: #f08a7e'))).toMatchInlineSnapshot(`
			[
			  "content/site.yaml:14:15  错误  theme.accentDark  深色模式主题色须写成带引号的 6 位十六进制颜色，如 '#8a1c1c'：不加引号时，# 及其后的内容会被当作注释  [invalid-type]",
			]
		`);
		expect(check((d) => edit(d, SITE, 'nav: [events,', 'nav: [event,'))).toMatchInlineSnapshot(`
			[
			  "content/site.yaml:6:7  错误  nav[0]  “event”不是可用的导航项：可写 events、speakers、articles、topics、organizations，或 { label: 显示文字, url: 地址 }  [invalid-value]",
			]
		`);
	});
	test('a page size or feed size that is not a whole number from 1 is refused, with the bound', () => {
		expect(check((d) => edit(d, SITE, 'articlesPerPage: 3', 'articlesPerPage: 0'))).toMatchInlineSnapshot(`
			[
			  "content/site.yaml:10:18  错误  articlesPerPage  数值太小：应不小于 1。  [invalid-value]",
			]
		`);
		expect(check((d) => edit(d, SITE, 'feedSize: 4', 'feedSize: 2.5'))).toMatchInlineSnapshot(`
			[
			  "content/site.yaml:11:11  错误  feedSize  这里应填整数，现在填的是数字。  [invalid-type]",
			]
		`);
	});
	test('an unknown field gets the closest one', () => {
		expect(check((d) => edit(d, SITE, 'tagline:', 'tagLine:'))).toMatchInlineSnapshot(`
			[
			  "content/site.yaml:2:1  错误  tagline  缺少必填字段“tagline”：请补上。  [missing-field]",
			  "content/site.yaml:3:1  错误  tagLine  没有“tagLine”这个字段。是否想写“tagline”？可用的字段：title、tagline、description、lang、nav、footer、favicon、logo、cms、articlesPerPage、feedSize、theme。  [unknown-field]",
			]
		`);
	});
});
