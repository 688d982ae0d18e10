import { z } from 'zod';
import { partialDate, slug, text } from './common';

/** Organiser tiers as Chinese event notices name them. */
export const ORGANIZER_TIERS = {
	guidance: '指导单位',
	host: '主办单位',
	organizer: '承办单位',
	'co-organizer': '协办单位',
	support: '支持单位',
} as const;

/** What a person does on the agenda. */
export const TALK_ROLES = {
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
} as const;

export const EVENT_KINDS = {
	conference: '学术会议',
	summit: '峰会',
	forum: '论坛',
	launch: '发布会',
	salon: '沙龙',
	ceremony: '仪式',
	expo: '大会',
	'media-tour': '媒体采访活动',
} as const;

export const EVENT_FORMATS = { 'in-person': '线下', online: '线上', hybrid: '线上线下结合' } as const;

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** One item of the agenda: a talk, remarks, a dialogue… */
export const talkSchema = () =>
	z.strictObject({
		/** Title of the talk as the source gives it, without 《》. */
		title: text().optional(),
		/** Kind of appearance: opening-remarks (致辞), keynote (主旨报告), talk, lead-remarks, remarks, host, panel, dialogue, launch, interview. */
		role: z.enum(keysOf(TALK_ROLES)),
		/** Speaker ids (files in `content/speakers/`); at least one. */
		speakers: z.array(slug()).min(1, { message: '每个议程条目至少需要一位嘉宾' }),
		/** Sub-forum the item belongs to, if any. */
		forum: text().optional(),
		/** What the source says of it, briefly and in its words. */
		summary: text().optional(),
	});

/** An event: a conference, summit, launch or other gathering the sources report on. */
export const eventSchema = () =>
	z.strictObject({
		/** Full official name, as in the sources. */
		name: text(),
		/** Short name for lists and breadcrumbs. */
		shortName: text(),
		/** Kind of event. */
		kind: z.enum(keysOf(EVENT_KINDS)),
		/** Series the event belongs to, with its edition number where known. */
		series: z.array(z.strictObject({ series: slug(), edition: z.number().int().positive().optional() })).default([]),
		/** First day, as precise as the sources give it. */
		start: partialDate(),
		/** Last day, for events that span several days. */
		end: partialDate().optional(),
		/** How a date was inferred where no source states it outright. */
		dateNote: text().optional(),
		/** in-person, online or hybrid, where a source says so. */
		format: z.enum(keysOf(EVENT_FORMATS)).optional(),
		/** Where it took place. */
		venue: z.strictObject({ name: text().optional(), city: text().optional() }).optional(),
		/** Organisers by tier (ids from `content/organizations.yaml`). */
		organizers: z.array(z.strictObject({ tier: z.enum(keysOf(ORGANIZER_TIERS)), org: slug() })).default([]),
		/** Theme or slogan. */
		theme: text().optional(),
		/** Sub-forums: how many there were and the names the sources give. */
		forums: z.strictObject({ count: z.number().int().positive().optional(), names: z.array(text()).default([]) }).optional(),
		/** The agenda, in order. */
		agenda: z.array(talkSchema()).default([]),
		/** Reports, standards and products released at the event. */
		releases: z.array(text()).default([]),
		/** Livestream platforms and audience figures where the sources give them. */
		livestream: z
			.strictObject({
				platforms: z.array(text()).default([]),
				/** Audience as the source words it, e.g. 近154万人次观看. */
				audience: text().optional(),
			})
			.optional(),
		/** Key figures from the sources, e.g. { label: 外籍专家, value: 20位 }. */
		facts: z.array(z.strictObject({ label: text(), value: text() })).default([]),
		/** Topic ids. */
		topics: z.array(slug()).default([]),
	});

export type EventData = z.output<ReturnType<typeof eventSchema>>;
export type Talk = z.output<ReturnType<typeof talkSchema>>;
