import { z } from 'zod';
import { zhCN } from '../i18n/zh-CN';
import { clockTime, describeChoices, fullDate, paragraph, partialDate, slug, text, timeZone, webUrl } from './common';

/** Organiser tiers as Chinese event notices name them. */
/** Organiser tiers; editors and readers see the zh-CN labels (src/i18n/). */
export const ORGANIZER_TIERS = zhCN.vocab.organizerTiers;

/** What a person does on the agenda. */
export const TALK_ROLES = zhCN.vocab.talkRoles;

export const EVENT_KINDS = zhCN.vocab.eventKinds;

export const EVENT_FORMATS = zhCN.vocab.eventFormats;

/** What became of an event, where a source says it (schema.org's eventStatus). */
export const EVENT_STATUSES = zhCN.vocab.eventStatuses;

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Kinds of media a talk or an event can list. */
export const MEDIA_KINDS = zhCN.vocab.mediaKinds;

/** A recording, slides or a photo of a talk or an event, with its own caption and credit. */
export const mediaSchema = () =>
	z
		.strictObject({
			/** recording (录像), slides (幻灯片) or photo (照片). */
			kind: z.enum(keysOf(MEDIA_KINDS)).describe(describeChoices('类型', MEDIA_KINDS)),
			/** Where it is on the web: a video page, a PDF, a picture. */
			url: webUrl().optional().describe('网址，如 B站、视频号、YouTube 的视频页，或幻灯片、照片的网址'),
			/** A file in the repository's public/ folder, written from the site's root: /media/2023-keynote.pdf. */
			file: z.string().regex(/^\/[^\s]+$/, { message: '请写成以 / 开头、public/ 下的路径，如 /media/2023-keynote.pdf' }).optional().describe('仓库 public/ 中的文件，以 / 开头，如 /media/2023-keynote.pdf'),
			/** The platform a recording is on: B站, 视频号, YouTube… */
			platform: text().optional().describe('平台，如 B站、视频号、YouTube'),
			/** What it shows, in the source's or the programme's words. */
			caption: text().optional().describe('说明文字'),
			/** Who made or holds it: 摄影、来源. */
			credit: text().optional().describe('署名或来源，如“湖畔论坛组委会 摄”'),
		})
		.refine((m) => m.url !== undefined || m.file !== undefined, { message: '请填写 url（网上的地址）或 file（仓库 public/ 中的文件）' });

/** One item of the agenda: a talk, remarks, a dialogue… */
export const talkSchema = () =>
	z.strictObject({
		/** Title of the talk as the source gives it, without 《》. */
		title: text().optional().describe('报告题目，不带书名号'),
		/** Kind of appearance: opening-remarks (致辞), keynote (主旨报告), talk, lead-remarks, remarks, host, panel, dialogue, launch, interview. */
		role: z.enum(keysOf(TALK_ROLES)).describe(describeChoices('身份', TALK_ROLES)),
		/** Speaker ids (files in `content/speakers/`); at least one. */
		speakers: z.array(slug()).min(1, { message: '每个议程条目至少需要一位嘉宾' }).describe('嘉宾 id 列表（content/speakers/ 中的文件名），至少一位'),
		/** Sub-forum the item belongs to, if any. */
		forum: text().optional().describe('所属分论坛'),
		/** What the source says of it, briefly and in its words. */
		summary: paragraph().optional().describe('报道对这次发言的概括，用原话'),
		/** Session it belongs to: the id of one of the event's `sessions`. */
		session: slug().optional().describe('所属单元（sessions 中某一项的 id）'),
		/** The day, on a programme of several days; a one-day event's day is its date. */
		day: fullDate().optional().describe('哪一天，如 2024-10-22（多日活动必填；单日活动可省略）'),
		/** Start on the programme's clock (the event's `timeZone`), only where a source gives it. */
		start: clockTime().optional().describe('开始时间，24 小时制，如 09:30（按活动的时区；报道或议程给出时才填）'),
		/** End on the same clock. */
		end: clockTime().optional().describe('结束时间，如 10:00'),
		/** Its recording, slides and photos. */
		media: z.array(mediaSchema()).default([]).describe('录像、幻灯片、照片'),
	});

/** A session or sub-forum of the programme: talks under one title, at one place, with their chairs. */
export const sessionSchema = () =>
	z.strictObject({
		/** Id the agenda's items name in `session`. */
		id: slug().describe('单元 id，议程条目用 session 引用，如 forum-a'),
		/** Its title as the programme gives it: 分论坛一：医学影像. */
		title: text().describe('单元或分论坛名称'),
		/** Its day, where the programme gives it (else its talks' days). */
		day: fullDate().optional().describe('哪一天，如 2024-10-22'),
		/** Start on the programme's clock. */
		start: clockTime().optional().describe('开始时间，如 14:00'),
		/** End on the programme's clock. */
		end: clockTime().optional().describe('结束时间，如 17:30'),
		/** Room or hall, where it differs from the event's venue. */
		venue: text().optional().describe('会场，如“第二会议室”'),
		/** Who chaired it: speaker ids. */
		chairs: z.array(slug()).default([]).describe('主持人（嘉宾 id）'),
	});

/** An event: a conference, summit, launch or other gathering the sources report on. */
export const eventSchema = () =>
	z.strictObject({
		/** Full official name, as in the sources. */
		name: text().describe('活动全称，与报道一致'),
		/** Short name for lists and breadcrumbs. */
		shortName: text().describe('简称，用于列表和导航'),
		/** Kind of event. */
		kind: z.enum(keysOf(EVENT_KINDS)).describe(describeChoices('类型', EVENT_KINDS)),
		/** Series the event belongs to, with its edition number where known. */
		series: z
			.array(
				z.strictObject({
					series: slug().describe('系列 id（content/series.yaml）'),
					edition: z.number().int().positive().optional().describe('第几届'),
				}),
			)
			.default([])
			.describe('所属系列及届次'),
		/** First day, as precise as the sources give it. */
		start: partialDate().describe('开始日期，按报道的精度填写：2024、2024-10 或 2024-10-22'),
		/** Last day, for events that span several days. */
		end: partialDate().optional().describe('结束日期（多日活动）'),
		/** How a date was inferred where no source states it outright. */
		dateNote: text().optional().describe('日期是推定的时，说明依据'),
		/** Cancelled, postponed…, where a source says so; a published recap already says it took place. */
		status: z.enum(keysOf(EVENT_STATUSES)).optional().describe(describeChoices('状态（报道说明时才填）', EVENT_STATUSES)),
		/** in-person, online or hybrid, where a source says so. */
		format: z.enum(keysOf(EVENT_FORMATS)).optional().describe(describeChoices('形式', EVENT_FORMATS)),
		/** Where it took place: the parts a postal address has (what search engines need to place it on a map). */
		venue: z
			.strictObject({
				name: text().optional().describe('场馆或地点'),
				city: text().optional().describe('城市'),
				region: text().optional().describe('省、自治区、直辖市或州（城市以上的行政区）'),
				country: text().optional().describe('国家或地区（在中国以外举办时填写）'),
			})
			.optional()
			.describe('地点'),
		/** Organisers by tier (ids from `content/organizations.yaml`). */
		organizers: z
			.array(
				z.strictObject({
					tier: z.enum(keysOf(ORGANIZER_TIERS)).describe(describeChoices('级别', ORGANIZER_TIERS)),
					org: slug().describe('机构 id（content/organizations.yaml）'),
				}),
			)
			.default([])
			.describe('主办、承办等单位，按级别'),
		/** Theme or slogan. */
		theme: text().optional().describe('主题或口号'),
		/** Sub-forums: how many there were and the names the sources give. */
		forums: z
			.strictObject({
				count: z.number().int().positive().optional().describe('分论坛数量'),
				names: z.array(text()).default([]).describe('报道提到的分论坛名称'),
			})
			.optional()
			.describe('分论坛'),
		/** IANA time zone of the programme's clock times (agenda and sessions). */
		timeZone: timeZone().default('Asia/Shanghai').describe('议程时间所用的时区（IANA 名称），默认 Asia/Shanghai（北京时间）'),
		/** Sessions or sub-forums with their own titles, rooms and chairs; agenda items name them in `session`. */
		sessions: z.array(sessionSchema()).default([]).describe('单元、分论坛（各有名称、会场、主持人）'),
		/** The agenda, in order. */
		agenda: z.array(talkSchema()).default([]).describe('议程，按顺序'),
		/** Recordings, slides and photos of the whole event (a talk's own go with the talk). */
		media: z.array(mediaSchema()).default([]).describe('整场活动的录像、幻灯片、照片（单个报告的写在议程条目里）'),
		/** Reports, standards and products released at the event. */
		releases: z.array(text()).default([]).describe('会上发布的报告、标准或产品'),
		/** Livestream platforms and audience figures where the sources give them. */
		livestream: z
			.strictObject({
				platforms: z.array(text()).default([]).describe('直播平台'),
				/** Where the stream could be watched, if a source gives the address. */
				url: webUrl().optional().describe('观看直播的网址（报道给出时填写）'),
				/** Audience as the source words it, e.g. 近154万人次观看. */
				audience: text().optional().describe('观看人数，用报道原话，如“近154万人次观看”'),
			})
			.optional()
			.describe('直播信息'),
		/** Key figures from the sources, e.g. { label: 外籍专家, value: 20位 }. */
		facts: z
			.array(z.strictObject({ label: text().describe('名目，如“外籍专家”'), value: text().describe('数值或说明，用报道原话') }))
			.default([])
			.describe('报道给出的关键数字'),
		/** Topic ids. */
		topics: z.array(slug()).default([]).describe('专题 id（content/topics.yaml）'),
	});

export type EventData = z.output<ReturnType<typeof eventSchema>>;
export type Talk = z.output<ReturnType<typeof talkSchema>>;
export type Session = z.output<ReturnType<typeof sessionSchema>>;
export type Media = z.output<ReturnType<typeof mediaSchema>>;
