/**
 * Every string a reader sees, in Simplified Chinese. A site in another language is another file of
 * this shape (`Ui`), named in `content/site.yaml` as `lang`, and registered in ./index.ts: no
 * component holds text of its own. Editor-facing messages (the validator's) are Chinese regardless.
 */
import { searchZhCN } from './search-zh-CN.ts';

export const zhCN = {
	lang: 'zh-CN',
	/** Open Graph locale. */
	ogLocale: 'zh_CN',
	/** Collections as readers see them: the nav label, the index page's title and description. */
	collections: {
		event: { label: searchZhCN.eventKind, description: '全部论坛、峰会与会议，按年份排列。', count: (n: number) => `${n} 场活动`, empty: '暂无活动。' },
		speaker: { label: '嘉宾', description: '在各场活动中发言、接受采访或被报道引述的嘉宾，按姓名拼音排列。', count: (n: number) => `${n} 位嘉宾`, empty: '暂无嘉宾。' },
		article: { label: '文章', description: '会议综述、新闻、访谈与日程预告，按发表日期排列。', count: (n: number) => `${n} 篇文章`, empty: '暂无文章。' },
		topic: { label: '专题', description: '按专题浏览文章与活动。', count: (n: number) => `${n} 个专题`, empty: '暂无专题。' },
		series: { label: '系列', description: '活动所属的系列。', count: (n: number) => `${n} 个系列`, empty: '暂无系列。' },
		organization: { label: '机构', description: '指导、主办、承办、协办或支持各场活动的机构，以及嘉宾任职的机构，按名称排列。', count: (n: number) => `${n} 个机构`, empty: '暂无机构。' },
	},
	vocab: {
		articleKinds: { recap: '会议综述', news: '新闻', interview: '访谈', schedule: '日程预告', photo: '图片新闻' },
		sourceMedia: { newspaper: '报纸', magazine: '期刊', website: '网站', 'social-media': '公众号等社交媒体' },
		mentionRoles: { quoted: '引述', interviewed: '受访', mentioned: '提及', pictured: '图片' },
		organizerTiers: { guidance: '指导单位', host: '主办单位', organizer: '承办单位', 'co-organizer': '协办单位', support: '支持单位' },
		talkRoles: {
			'opening-remarks': '致辞',
			keynote: '主旨报告',
			talk: '报告',
			'lead-remarks': '引导发言',
			remarks: '发言',
			host: '主持',
			panel: '圆桌',
			dialogue: '对话',
			launch: '发布',
			interview: '采访',
		},
		eventKinds: { conference: '学术会议', summit: '峰会', forum: '论坛', launch: '发布会', salon: '沙龙', ceremony: '仪式', expo: '大会', 'media-tour': '媒体采访活动' },
		eventFormats: { 'in-person': '线下', online: '线上', 'hybrid': '线上线下结合' },
		mediaKinds: { recording: '录像', slides: '幻灯片', photo: '照片' },
		eventStatuses: { scheduled: '如期举行', cancelled: '已取消', postponed: '已延期', rescheduled: '已改期', 'moved-online': '改为线上举行' },
	},
	dates: {
		/** 2022年5月24日 / 2022年5月 / 2022年 */
		year: (y: number) => `${y}年`,
		month: (m: number) => `${m}月`,
		day: (d: number) => `${d}日`,
		/** Joins the two ends of a range: 2022年5月24日至26日. */
		rangeJoin: '至',
	},
	list: { separator: '、', semicolon: '；', dot: ' · ' },
	layout: {
		skipLink: '跳到正文',
		searchLabel: '搜索全站',
		searchPlaceholder: '搜索嘉宾、专题、文章',
		searchButton: '搜索',
		mainNav: '主导航',
		breadcrumbs: '当前位置',
		home: '首页',
		siteFeed: (site: string) => `${site}：最新文章`,
		/** 会记 · 论坛与学术会议纪实。<the footer note from site.yaml> */
		footer: (title: string, tagline: string, note?: string) => `${title} · ${tagline}。${note ?? ''}`,
	},
	articleList: {
		/** The list's own page: its newest articles. */
		latest: (n: number, total: number) => (n < total ? `最新 ${n} 篇（共 ${total} 篇）` : `全部 ${total} 篇`),
		byYear: '按年份浏览',
		undated: '日期不详',
		yearCount: (n: number) => `${n} 篇`,
		/** 2024年的文章 / 日期不详的文章 */
		yearTitle: (year: string) => `${year}的文章`,
		pageOf: (page: number, pages: number) => `第 ${page} 页，共 ${pages} 页`,
		pager: '分页',
		/** Pages run newest first: the previous page holds newer articles. */
		newer: '← 较新',
		older: '较早 →',
	},
	home: {
		eventsByYear: '活动（按年份）',
		latestArticles: '最新文章',
		allArticles: '全部文章 →',
		series: '系列活动',
		seriesEvents: (n: number) => `${n} 场`,
	},
	moved: {
		title: (name: string) => `${name}（页面已迁移）`,
		text: (name: string) => `这个网址的内容已并入${name}的页面，正在跳转。`,
		go: (name: string) => `前往${name}的页面`,
	},
	notFound: {
		title: '页面不存在',
		text: '您访问的页面不存在，可能已被移动或地址有误。',
		home: '返回首页',
		browse: (label: string) => `浏览全部${label}`,
	},
	event: {
		relatedEvents: '相关活动：',
		theme: (t: string) => `主题：“${t}”`,
		edition: (n: number) => `第${n}届`,
		when: '时间',
		where: '地点',
		format: '形式',
		status: '状态',
		forums: '分论坛',
		forumCount: (n: number) => `${n}场`,
		forumMore: '等',
		livestream: '直播平台',
		audience: '观看',
		releases: '发布',
		recap: '概述',
		agenda: '议程',
		/** The schedule's clock: Beijing time is what readers in China assume; another zone is named. */
		timesIn: (timeZone: string) => (timeZone === 'Asia/Shanghai' ? '时间均为北京时间。' : `时间均为当地时间（${timeZone}）。`),
		undated: '日期未详',
		chairs: '主持',
		calendar: '添加到日历（.ics）',
		talkCalendar: '添加到日历',
		media: '录像、幻灯片与照片',
		credit: (who: string) => `（${who}）`,
		speakers: '嘉宾',
		coverage: '相关报道',
		noCoverage: '暂无报道。',
		feed: '订阅本活动的报道（RSS）',
		bib: '下载全部报道的 BibTeX 引文（.bib）',
		description: (name: string, date: string) => `${name}，${date}。`,
		feedTitle: (name: string) => `${name}：相关报道`,
		feedDescription: (name: string, date: string) => `${name}（${date}）的相关报道。`,
	},
	speaker: {
		otherNames: '又译',
		roles: '时任职务',
		original: (text: string) => `原文：“${text}”`,
		seeIn: '见',
		talks: '发言与报告',
		events: '参加的活动',
		articles: '相关文章',
		feed: (name: string) => `订阅有关${name}的文章（RSS）`,
		calendar: (name: string) => `把${name}有时间安排的报告添加到日历（.ics）`,
		feedTitle: (name: string) => `${name}：相关文章`,
		feedDescription: (name: string) => `报道或引述${name}的文章。`,
		initials: '按拼音首字母',
		/** 张强（清华大学）: a namesake told apart. */
		namesakeLabel: (name: string, distinction: string) => `${name}（${distinction}）`,
		/** Shown after the name on lists and agendas, in the same brackets. */
		distinction: (distinction: string) => `（${distinction}）`,
		namesakes: '另有同名嘉宾',
	},
	article: {
		footer: '出处与相关信息',
		source: '来源',
		date: '日期',
		unknown: '未注明',
		authors: '作者',
		photos: '图片',
		seed: '原始稿件',
		events: '相关活动',
		people: '文中人物',
		description: (kind: string, title: string) => `${kind}：${title}`,
		cite: '引用',
		copy: (form: string) => `复制 ${form}`,
		copied: (form: string) => `已复制 ${form} 格式的引文。`,
		copyFailed: '无法写入剪贴板，请手动选择文本复制。',
	},
	topic: {
		title: (name: string) => `专题：${name}`,
		articles: '文章',
		events: '活动',
		counts: (articles: number, events: number) => `${articles} 篇文章 · ${events} 场活动`,
	},
	series: {
		firstYear: '首次举办',
		firstYearValue: (y: number) => `${y}年`,
		partOf: '所属系列',
		parts: '下属系列',
		events: '历届活动',
	},
	organization: {
		aliases: '又称',
		events: '参与的活动',
		/** Per tier: the events this organisation guided, hosted, organised, co-organised or supported. */
		tierEvents: (tier: string) => `作为${tier.replace(/单位$/, '')}`,
		people: '在此任职的嘉宾',
		counts: (events: number, people: number) => `${events} 场活动 · ${people} 位嘉宾`,
	},
	/** What the Markdown pipeline adds to a body: the footnotes' heading (read by screen readers) and back links. */
	footnotes: {
		label: '脚注',
		backLabel: (n: number) => `返回正文第 ${n} 处引用`,
	},
	search: searchZhCN,
};

export type Ui = typeof zhCN;
