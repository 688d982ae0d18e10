import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SiteRecords } from '../lib/records';
import { COLLECTIONS, editorLabel, type CollectionDef } from '../collections/registry';
import { danglingMessage, findDanglingReferences, formatPath } from '../lib/references';
import type { Problem } from './problem';
import type { ImageReference, SourceFile } from './source';
import { didYouMean, hint } from './suggest';

/** Rules that need more than one file: references, people who are probably one, dates, seeds, images. */
export function crossCheck(
	root: string,
	records: SiteRecords,
	sources: Map<string, SourceFile>,
	invalidIds: Partial<Record<string, string[]>>,
	unchecked: ReadonlySet<string> = new Set(),
): Problem[] {
	const problems: Problem[] = [];
	const at = (file: string, path: readonly PropertyKey[]) => ({ file, ...sources.get(file)?.locate(path) });

	// References, with the closest id, or the id of an entry whose name was written instead.
	const byKind = new Map(
		(COLLECTIONS as readonly CollectionDef[]).map((c) => {
			const entries = (records as unknown as Record<string, (Record<string, unknown> & { id: string; draft?: boolean; allNames?: string[] })[]>)[c.key] ?? [];
			return [c.kind, entries.filter((e) => !e.draft).map((e) => ({ id: e.id, names: [...c.names(e), ...(e.allNames ?? [])].filter((n): n is string => typeof n === 'string') }))];
		}),
	);
	for (const ref of findDanglingReferences(records, invalidIds).filter((r) => !unchecked.has(r.kind))) {
		const entries = byKind.get(ref.kind) ?? [];
		const byName = entries.find((e) => e.names.includes(ref.id))?.id;
		const suggestion = ref.draft ? undefined : (byName ?? didYouMean(ref.id, entries.map((e) => e.id)));
		problems.push({
			...at(ref.file, ref.path),
			severity: 'error',
			code: ref.draft ? 'reference-to-draft' : 'unknown-reference',
			field: formatPath(ref.path),
			message: byName
				? `“${ref.id}”是${editorLabel(ref.kind)}的名称，这里要填它的 id：请改为“${byName}”。`
				: danglingMessage(ref) + hint(suggestion),
		});
	}

	// Two files that are probably one person.
	const seen = new Map<string, string>();
	for (const s of records.speakers) {
		const keys = [
			...new Set([
				`name:${s.name.replace(/[•·・\s]/g, '')}`,
				...s.aliases.map((a) => `name:${a.replace(/[•·・\s]/g, '')}`),
				...(s.romanised ? [`pinyin:${s.romanised.compact}`] : []),
				...(s.originalName ? [`name:${s.originalName.toLowerCase().replace(/\s+/g, '')}`] : []),
			]),
		];
		for (const key of keys) {
			const other = seen.get(key);
			if (other && other !== s.id) {
				const why = key.startsWith('pinyin:') ? '拼音相同' : '姓名或别名相同';
				problems.push({
					...at(s.filePath, ['name']),
					severity: 'warning',
					code: 'duplicate-person',
					field: 'name',
					message: `与嘉宾“${other}”${why}，可能是同一个人：若是，请合并为一个文件并把另一种写法放进 aliases；若不是，可忽略此提示。`,
				});
				break;
			}
			seen.set(key, s.id);
		}
	}

	const events = new Map(records.events.map((e) => [e.id, e]));
	for (const e of records.events) {
		if (e.end && e.end.iso < e.start.iso.slice(0, e.end.iso.length)) {
			problems.push({ ...at(e.filePath, ['end']), severity: 'error', code: 'end-before-start', field: 'end', message: `结束日期 ${e.end.iso} 早于开始日期 ${e.start.iso}：请检查两个日期。` });
		}
	}

	// Most articles share a few seeds: look each up once.
	const seedExists = new Map<string, boolean>();
	const hasSeed = (seed: string) => seedExists.get(seed) ?? seedExists.set(seed, existsSync(join(root, 'seeds', seed))).get(seed)!;
	for (const a of records.articles) {
		if (!hasSeed(a.seed)) {
			problems.push({
				...at(a.filePath, ['seed']),
				severity: 'error',
				code: 'missing-seed',
				field: 'seed',
				message: `seeds/ 中没有文件“${a.seed}”：请先把原始稿件原样放入 seeds/，再在 seed 字段填写其文件名。`,
			});
		}
		a.events.forEach((id, i) => {
			const e = events.get(id);
			if (!a.date || !e || a.date.year > e.start.year - 2) return;
			problems.push({
				...at(a.filePath, ['date']),
				severity: 'warning',
				code: 'article-before-event',
				field: 'date',
				message: `文章日期 ${a.date.iso} 比所报道的活动“${e.shortName}”（${e.start.iso}）早了一年以上：请确认日期或 events[${i}] 是否填错。`,
			});
		});
		problems.push(...missingImages(root, a.filePath, sources.get(a.filePath)?.images ?? []));
	}
	return problems;
}

/** Local images of a Markdown file that do not exist. */
function missingImages(root: string, file: string, images: readonly ImageReference[]): Problem[] {
	return images
		.filter(({ src }) => {
			const path = src.startsWith('/') ? join(root, 'public', src) : join(root, dirname(file), src);
			return !existsSync(decodeURIComponent(path.split(/[?#]/)[0]!));
		})
		.map(({ src, line, column }) => ({
			file,
			line,
			column,
			severity: 'error' as const,
			code: 'missing-image',
			message: `找不到图片“${src}”：请把图片放进 public/（以 / 开头引用）或文章旁边，并检查文件名。`,
		}));
}
