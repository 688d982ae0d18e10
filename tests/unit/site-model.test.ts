import { describe, expect, test } from 'vitest';
import { loadRecords } from '../support/content';
import { buildSiteModel } from '../../src/lib/site-model';
import { withPendingEntries } from '../../src/lib/references';

const records = loadRecords();
const site = buildSiteModel(records);
const event = (id: string) => site.events.find((e) => e.id === id)!;
const speaker = (id: string) => site.speakers.find((s) => s.id === id)!;

describe('events', () => {
	test('newest first, grouped by year', () => {
		expect(site.eventsByYear.map((g) => g.year)).toEqual([2024, 2023, 2022]);
		expect(site.eventsByYear.find((g) => g.year === 2022)!.events.map((e) => e.id)).toEqual([
			'ai-for-science-summit-2022',
			'cell-science-beijing-2022',
		]);
	});
	test('the cell-science conference: dates, series edition, organisers by tier, agenda', () => {
		const e = event('cell-science-beijing-2022');
		expect(e.dateText).toBe('2022年5月24日至26日');
		expect(e.series.map((s) => `${s.name}${s.editionText ?? ''}`)).toEqual(['中关村论坛系列活动', '北京国际学术交流季', '细胞科学北京学术会议第4届']);
		expect(e.organizers).toMatchInlineSnapshot(`
			[
			  {
			    "label": "主办单位",
			    "orgs": [
			      {
			        "id": "beijing-science-commission",
			        "name": "北京市科委",
			        "url": "/organizations/beijing-science-commission/",
			      },
			      {
			        "id": "zgc-admin",
			        "name": "中关村管委会",
			        "url": "/organizations/zgc-admin/",
			      },
			      {
			        "id": "cell-press",
			        "name": "细胞出版社",
			        "url": "/organizations/cell-press/",
			      },
			    ],
			    "tier": "host",
			  },
			]
		`);
		expect(e.agenda.map((t) => `${t.roleLabel} ${t.speakers.map((s) => s.name).join('、')} ${t.title ?? ''}`.trim())).toMatchInlineSnapshot(`
			[
			  "致辞 戴琼海",
			  "致辞 伯纳黛特•盖尔",
			  "主旨报告 雨果•彼得 人工智能用于肿瘤影像学",
			  "主旨报告 齐亚德•波米耶 剖析算法偏差以及利用机器学习发现诊断错误",
			]
		`);
		expect(e.articles.map((a) => a.id)).toEqual(['cell-science-beijing-2022-recap']);
	});
	test('an event lists only the people on its agenda, not everyone its coverage quotes', () => {
		expect(event('global-digital-economy-conference-2024').speakers).toEqual([]);
		expect(event('ai-for-science-summit-2023').speakers).toHaveLength(9);
	});
});

describe('speakers', () => {
	test('sorted by pinyin and grouped by initial', () => {
		expect(site.speakersByInitial.map((g) => g.initial).join('')).toBe('BDEGHJLMSTWXZ');
		const names = site.speakers.map((s) => s.name);
		// Foreign people by family name: 雨果•彼得 and 齐亚德•波米耶 under B, 伯纳黛特•盖尔 under G.
		expect(names.slice(0, 5)).toEqual(['雨果•彼得', '齐亚德•波米耶', '戴琼海', '鄂维南', '伯纳黛特•盖尔']);
		expect(names.indexOf('张林峰')).toBeLessThan(names.indexOf('张强'));
	});
	test('titles and affiliations are kept per appearance, as the source gave them and composed from roles', () => {
		expect(speaker('e-weinan').appearances.map((a) => [a.asGiven, a.description, a.event?.id])).toEqual([
			[
				'中国科学院院士，北京科学智能研究院院长、北京大学国际机器学习研究中心主任',
				'中国科学院院士、北京科学智能研究院院长、北京大学国际机器学习研究中心主任',
				'ai-for-science-summit-2023',
			],
		]);
		// The source says only 公司副总裁; the roles name the company.
		expect(speaker('wu-zhengxiang').latestDescription).toBe('浙江威星智能仪表股份有限公司副总裁');
		expect(speaker('wang-yifei').latestDescription).toBe('上海极豆科技有限公司创始人、首席执行官');
	});
	test('agenda entries carry each speaker’s titles at that event', () => {
		const talk = event('cell-science-beijing-2022').agenda[0]!;
		expect(talk.speakers.map((s) => [s.name, s.description])).toEqual([['戴琼海', '清华大学教授、中国人工智能协会会长、院士']]);
	});
	test('talks and articles are gathered from events and articles', () => {
		const s = speaker('hugo-aerts');
		expect(s.talks.map((t) => [t.roleLabel, t.title, t.event.id])).toEqual([['主旨报告', '人工智能用于肿瘤影像学', 'cell-science-beijing-2022']]);
		expect(s.articles.map((a) => [a.id, a.asLabel])).toEqual([['cell-science-beijing-2022-recap', '引述']]);
	});
});

describe('articles', () => {
	test('newest first; undated articles last', () => {
		const dates = site.articles.map((a) => a.date?.iso ?? null);
		expect(dates.slice(0, 1)).toEqual(['2024']);
		expect(dates.slice(-2)).toEqual([null, null]);
	});
	test('drafts are not published', () => {
		const draft = { ...records.articles[0]!, id: 'a-draft', draft: true };
		const withDraft = buildSiteModel({ ...records, articles: [...records.articles, draft] });
		expect(withDraft.articles.map((a) => a.id)).not.toContain('a-draft');
		expect(withDraft.articles).toHaveLength(records.articles.length);
	});
	test('a person whose only source is a draft has no page yet; an appearance citing a draft waits for it', () => {
		const draftId = 'ai-reshapes-tumour-care';
		const articles = records.articles.map((a) => (a.id === draftId ? { ...a, draft: true } : a));
		const twoSources = records.speakers.find((s) => s.id === 'tang-chao')!;
		const withDraftAppearance = { ...twoSources, appearances: [...twoSources.appearances, { ...twoSources.appearances[0]!, article: draftId, asGiven: '草稿里的职务' }] };
		const model = buildSiteModel(
			withPendingEntries({ ...records, articles, speakers: records.speakers.map((s) => (s.id === 'tang-chao' ? withDraftAppearance : s)) }),
		);
		expect(model.speakers.map((s) => s.id)).not.toContain('lv-le');
		expect(model.speakers.find((s) => s.id === 'tang-chao')!.appearances.map((ap) => ap.asGiven)).not.toContain('草稿里的职务');
	});
});
