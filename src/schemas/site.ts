import { z } from 'zod';
import { LOCALES } from '../i18n';
import { paragraph, text, webUrl } from './common';

const HEX = /^#[0-9a-fA-F]{6}$/;
const colour = (what: string) =>
	// Unquoted, `#8a1c1c` is a YAML comment and the field is empty: say so.
	z
		.string({ error: `${what}须写成带引号的 6 位十六进制颜色，如 '#8a1c1c'：不加引号时，# 及其后的内容会被当作注释` })
		.regex(HEX, { message: `${what}须写成 6 位十六进制颜色，如 '#8a1c1c'（带引号）` });

/** Backgrounds the accent is read on, light and dark (src/styles/global.css): links and badges must stay legible. */
const BACKGROUNDS = { light: ['#fbfaf7', '#ffffff'], dark: ['#151517', '#1e1e21'] } as const;

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
	const luminance = (hex: string) => {
		const [r, g, bl] = [1, 3, 5].map((i) => {
			const c = parseInt(hex.slice(i, i + 2), 16) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

/** `share` of colour `a` over `b`, as CSS color-mix(in srgb) computes it. */
function mix(a: string, b: string, share: number): string {
	const channel = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
	return `#${[1, 3, 5].map((i) => Math.round(channel(a, i) * share + channel(b, i) * (1 - share)).toString(16).padStart(2, '0')).join('')}`;
}

/** A link in the main navigation: a collection's index page by its key, or any page by label and address. */
/** Collections with an index page (the registry's `index: true`; a test keeps the two lists equal). */
export const NAV_KEYS = ['events', 'speakers', 'articles', 'topics', 'organizations'] as const;
const navItem = () =>
	z.union([
		z.enum(NAV_KEYS),
		z.strictObject({
			/** Text shown in the navigation. */
			label: text().describe('导航中显示的文字'),
			/** Address: a path on this site (`/about/`) or a full URL. */
			url: z
				.union([text().regex(/^\/(?!\/)(?!.*\.\.)\S*$/), webUrl()], { error: '请写本站路径（以 / 开头，如 /series/zgc-forum/）或以 https:// 开头的完整网址' })
				.describe('网址：本站路径（如 /series/zgc-forum/）或完整网址'),
		}),
	], {
		error: (issue) =>
			`${typeof issue.input === 'string' ? `“${issue.input}”不是可用的导航项` : '导航项写法不对'}：可写 ${NAV_KEYS.join('、')}，或 { label: 显示文字, url: 地址 }`,
	});

/**
 * The site's identity and settings (`content/site.yaml`): everything that makes one organisation's
 * site its own, so that adopting the generator never means editing src/.
 */
export const siteSchema = () =>
	z
		.strictObject({
			/** Site name: the header, page titles, feeds. */
			title: text().describe('网站名称，显示在页头、页面标题和订阅源中'),
			/** One line under the title. */
			tagline: text().describe('一句话副标题，显示在名称旁'),
			/** What the archive holds: the home page's lead and the default page description. */
			description: paragraph().describe('网站简介：首页导语，也是搜索引擎看到的默认描述'),
			/** Reader-facing language; one of the locales in src/i18n/. */
			lang: z.enum(Object.keys(LOCALES) as [string, ...string[]]).default('zh-CN').describe(`界面语言，可选：${Object.keys(LOCALES).join('、')}`),
			/** Main navigation, in order. */
			nav: z.array(navItem()).default([...NAV_KEYS]).describe('主导航，按顺序：events、speakers、articles、topics、organizations，或 {label, url}'),
			/** The footer's line after the site name: an editorial note, a licence. */
			footer: paragraph().optional().describe('页脚文字，如编辑说明或版权声明'),
			/** Path in public/ of the favicon (SVG, PNG or ICO). */
			favicon: z.string().regex(/^\/(?!.*\.\.)[\w./-]+\.(svg|png|ico)$/, { message: "图标须是 public/ 中的 .svg、.png 或 .ico 文件，以 / 开头，如 '/favicon.svg'" }).default('/favicon.svg').describe('网站图标在 public/ 中的路径，如 /favicon.svg'),
			/** Path in public/ of a logo shown before the title in the header. */
			logo: z.string().regex(/^\/(?!.*\.\.)[\w./-]+\.(svg|png|jpg|jpeg|webp)$/, { message: "标志须是 public/ 中的图片文件，以 / 开头，如 '/logo.svg'" }).optional().describe('页头标志图片在 public/ 中的路径（可选）'),
			/** Where the web editor (/admin/, Decap CMS) saves: the GitHub repository and how editors log in. */
			cms: z
				.strictObject({
					/** `owner/name` on GitHub; the deploy workflow's repository when omitted. */
					repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, { message: '请写成“组织或用户名/仓库名”，如 lakeside-forum/archive' }).optional().describe('GitHub 仓库，如 lakeside-forum/archive；不填则用部署网站的仓库'),
					/** The branch pull requests go to. */
					branch: text().default('main').describe('修改合并到的分支，默认 main'),
					/** An OAuth proxy for logging in with GitHub (Decap's `base_url`), for hosts other than Netlify. */
					authUrl: webUrl().optional().describe('GitHub 登录用的 OAuth 服务地址（Decap 的 base_url），如 https://auth.example.org'),
				})
				.optional()
				.describe('网页编辑器（/admin/）的设置'),
			/** Articles on a page of the article list: the newest on its own page, then each year's, a page at a time. */
			articlesPerPage: z.number().int().min(1).max(1000).default(100).describe('文章列表每页的篇数：列表首页显示最新的这么多篇，其余按年份分页，默认 100'),
			/** Articles in the site's feed (rss.xml), newest first; event and speaker feeds list all of theirs. */
			feedSize: z.number().int().min(1).max(1000).default(50).describe('全站订阅源（rss.xml）收录的最新文章篇数，默认 50；活动和嘉宾的订阅源收录各自的全部文章'),
			/** Accent colours (links, headings, badges) for light and dark mode. */
			theme: z
				.strictObject({
					/** Accent on light backgrounds. */
					accent: colour('主题色').default('#8a1c1c').describe('浅色模式的主题色（链接、标题、标签）'),
					/** Accent on dark backgrounds. */
					accentDark: colour('深色模式主题色').default('#f08a7e').describe('深色模式的主题色'),
				})
				.default({ accent: '#8a1c1c', accentDark: '#f08a7e' })
				.describe('主题色'),
		})
		.superRefine((site, ctx) => {
			// Readers must be able to read links in both modes: WCAG AA asks 4.5:1 for text.
			for (const [field, mode] of [['accent', 'light'], ['accentDark', 'dark']] as const) {
				// Badges show the accent on a 9 % tint of itself over the surface (global.css): that background counts too.
				const tint = mix(site.theme[field], BACKGROUNDS[mode][1], 0.09);
				const worst = Math.min(...[...BACKGROUNDS[mode], tint].map((bg) => contrast(site.theme[field], bg)));
				if (worst < 4.5) {
					ctx.addIssue({
						code: 'custom',
						path: ['theme', field],
						params: { code: 'low-contrast' },
						message: `颜色 ${site.theme[field]} 在${mode === 'light' ? '浅色' : '深色'}背景上对比度只有 ${worst.toFixed(2)}:1，读者看不清链接：请选${mode === 'light' ? '更深' : '更浅'}的颜色，对比度至少 4.5:1`,
					});
				}
			}
		});

export type SiteSettings = z.output<ReturnType<typeof siteSchema>>;
