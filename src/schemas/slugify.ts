import { asciiFold, syllables } from './pinyin-name';

/**
 * A stable ASCII id from a title: its first syllables and Latin words,
 * e.g. 日程公布！2022中关村论坛… → ri-cheng-gong-bu-2022-zhong-guan-cun. (People's ids: see pinyinName.)
 */
export function slugify(text: string, maxParts = 8): string {
	const parts: string[] = [];
	for (const run of text.normalize('NFKC').match(/[\u3400-\u9fff]+|[A-Za-z0-9]+/g) ?? []) {
		if (/^[A-Za-z0-9]+$/.test(run)) parts.push(run.toLowerCase());
		else parts.push(...syllables(run, { name: false }).map(asciiFold));
	}
	return parts.filter(Boolean).slice(0, maxParts).join('-');
}
