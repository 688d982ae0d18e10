/**
 * The search page's strings in Simplified Chinese: part of zh-CN.ts, in a file of their own so the
 * search page's script carries only these (src/search/search-page.ts), not the whole locale.
 */
export const searchZhCN = {
	title: '搜索',
	description: '在全部活动、嘉宾和文章中查找包含某个词句的页面。',
	label: '查找包含以下词句的页面（空格分隔的多个词须同时出现）',
	button: '搜索',
	loading: '正在加载搜索……',
	sort: '排序',
	byRelevance: '相关度',
	byDate: '日期（新到旧）',
	results: '搜索结果',
	filters: '筛选',
	noScript: '搜索需要启用 JavaScript。',
	/** Facet headings, by facet key. */
	facets: { kind: '类型', year: '年份', event: '活动', topic: '专题', speaker: '嘉宾' },
	idle: '输入人名、机构或任意词句，查找包含它的全部页面。',
	singleCharacter: (q: string, related: boolean) => `“${q}”中有单个字的词：请至少输入两个字，才能精确查找。${related ? '以下是相关结果。' : ''}`,
	found: (count: number, q: string, shown: number) => `共 ${count} 个页面包含“${q}”${count > shown ? `，显示前 ${shown} 个` : ''}。`,
	noneTogether: (q: string) => `没有页面同时包含“${q}”中的各个词。以下页面包含其中一部分，仅供参考。`,
	/** Pages contain the query, but none passes the chosen filters (perhaps a value no page has, from an old link). */
	filteredOut: (q: string, total: number) => `有 ${total} 个页面包含“${q}”，但没有一个符合所选的筛选条件：请取消部分筛选。`,
	none: (q: string, related: boolean) => `没有页面包含“${q}”。${related ? '以下是相关结果，仅供参考。' : ''}`,
	/** Nothing contains a pinyin query, but it spells people's names. */
	peopleOnly: (q: string, n: number) => `没有页面包含“${q}”；有 ${n} 位嘉宾的姓名拼音与之相符。`,
	/** Heading of the people whose names a pinyin query spells, above the pages that contain it. */
	peopleHeading: (n: number) => `姓名拼音相符的嘉宾（${n} 位）`,
	morePeople: (n: number) => `显示全部嘉宾（还有 ${n} 位）`,
	/** Between a person's pinyin and the start of their page. */
	separator: ' · ',
	exactHeading: '精确结果',
	relatedHeading: '相关结果',
	more: (n: number) => `显示更多（还有 ${n} 个）`,
	/** Under a filter group that lists its commonest values only. */
	moreValues: (n: number) => `显示全部（还有 ${n} 项）`,
	/** The kind label of events, which results of other kinds name as their event. */
	eventKind: '活动',
};
