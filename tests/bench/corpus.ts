import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonFacts } from '../../src/search/exact-index';
import { pinyinName } from '../../src/schemas/pinyin-name';

/** Deterministic PRNG (mulberry32), so every run generates the same corpus and queries. */
export function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
export const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国立新海波宁峰文博宇浩然晨阳思远志成嘉欣雨涵子轩梓睿一诺佳怡维南林翔慧源'];
export const UNITS = ['研究院', '实验室', '大学', '医院', '研究中心', '科技公司', '研究所'];
export const LATIN = ['CT', 'MRI', 'GPU', 'DPA-1', 'PANDA', 'AlphaFold', 'TDSQL', '5G-A', 'RedCap', 'AI4S', 'LLM', 'TPC-DS'];

/** Sentences of the seed texts: real Chinese prose to recombine, not one repeated paragraph. */
export function seedSentences(seeds: string): string[] {
	return readdirSync(seeds)
		.filter((f) => f.endsWith('.txt'))
		.flatMap((f) => readFileSync(join(seeds, f), 'utf8').replace(/<[^>]+>/g, '').split(/(?<=[。！？])/))
		.map((s) => s.replace(/\s+/g, '').trim())
		.filter((s) => s.length > 12 && s.length < 200 && !/[{}:]/.test(s));
}

export interface GeneratedPage {
	url: string;
	title: string;
	kind: string;
	ownNames: boolean;
	names: string[];
	body: string;
	date?: string;
	filters: Record<string, string[]>;
	person?: PersonFacts;
}

/**
 * `count` article pages built from recombined seed sentences, with generated names, institutions
 * and Latin terms woven in, and a page for each of the 2,000 generated people (name, pinyin, the
 * articles naming them), written as HTML; what the site model would say of each (title, names,
 * facets, pinyin) is returned with it.
 */
export function generateCorpus(dir: string, seeds: string, count: number, chars: number): GeneratedPage[] {
	const rng = random(20261124);
	const sentences = seedSentences(seeds);
	const people = Array.from({ length: 2000 }, () => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.next() < 0.7 ? rng.pick(GIVEN) : ''));
	const pages: GeneratedPage[] = [];
	const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
	const mentions = new Map<string, string[]>();
	for (let i = 0; i < count; i++) {
		const who = [rng.pick(people), rng.pick(people)];
		const parts: string[] = [];
		let length = 0;
		while (length < chars) {
			let s = rng.pick(sentences);
			if (rng.next() < 0.25) s = `${rng.pick(who)}（${rng.pick(people).slice(0, 1)}${rng.pick(UNITS)}）表示，${s}`;
			if (rng.next() < 0.15) s = s.replace(/。$/, `，并介绍了${rng.pick(LATIN)}的进展。`);
			parts.push(s);
			length += s.length;
		}
		const title = `${rng.pick(who)}：${rng.pick(sentences).slice(0, rng.int(8, 18)).replace(/[，。、“”]/g, '')}`;
		const date = `20${rng.int(18, 25)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
		const url = `/gen/${i}/`;
		const body = parts.join('');
		const filters = { kind: ['文章'], year: [date.slice(0, 4)], event: [], topic: [], speaker: who };
		for (const name of new Set(who)) (mentions.get(name) ?? mentions.set(name, []).get(name)!).push(title);
		mkdirSync(join(dir, 'gen', String(i)), { recursive: true });
		writeFileSync(
			join(dir, 'gen', String(i), 'index.html'),
			`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><article data-pagefind-body data-pagefind-meta="date:${date}"><span hidden data-pagefind-filter="kind:文章"></span><h1>${esc(title)}</h1><p>${esc(body)}</p></article></body></html>`,
		);
		pages.push({ url, title, kind: '文章', ownNames: false, names: [], body, date, filters });
	}
	// People named in the articles, one page each, as the site has speakers: name, pinyin, where they appear.
	[...mentions].forEach(([name, titles], i) => {
		const pinyin = pinyinName(name);
		const body = `${name} ${pinyin.familyFirst} / ${pinyin.givenFirst} 见于：${titles.join('；')}`;
		mkdirSync(join(dir, 'gen', 'people', String(i)), { recursive: true });
		writeFileSync(
			join(dir, 'gen', 'people', String(i), 'index.html'),
			`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(name)}</title></head><body><article data-pagefind-body><span hidden data-pagefind-filter="kind:嘉宾"></span><h1>${esc(name)}</h1><p>${esc(body)}</p></article></body></html>`,
		);
		pages.push({
			url: `/gen/people/${i}/`,
			title: name,
			kind: '嘉宾',
			ownNames: true,
			names: [name, pinyin.familyFirst, pinyin.givenFirst, pinyin.compact],
			body,
			filters: { kind: ['嘉宾'], year: [], event: [], topic: [], speaker: [name] },
			person: { syllables: pinyin.syllables, family: pinyin.familySyllables, weight: titles.length },
		});
	});
	return pages;
}
