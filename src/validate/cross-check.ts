import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteRecords } from '../lib/records';
import { COLLECTIONS, editorLabel, type CollectionDef } from '../collections/registry';
import { danglingMessage, findDanglingReferences, formatPath } from '../lib/references';
import type { Problem } from './problem';
import { isRemoteImage, publicPath, type ImageReference } from '../markdown/image-references';
import type { SourceFile } from './source';
import { didYouMean, hint } from './suggest';
import { foldName } from '../schemas/pinyin-name';
import { normalise } from '../search/normalise';
import { namesakeDistinctions } from '../lib/namesakes';
import { checkSchedules } from './schedule-check';

/** Files of seeds/ that describe the folder rather than being a source. */
const SEED_FOLDER_FILES = new Set(['README.md']);

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
	// Ids retired by a merge (a speaker's formerIds): a reference to one names the id it became.
	const merged = new Map(records.speakers.flatMap((s) => s.formerIds.map((old) => [old, s] as const)));
	for (const [old, into] of merged) {
		const stillUsed = records.speakers.find((s) => s.id === old);
		if (stillUsed) {
			const where = ['formerIds', into.formerIds.indexOf(old)];
			problems.push({
				...at(into.filePath, where),
				severity: 'error',
				code: 'former-id',
				field: formatPath(where),
				message: `旧 id“${old}”仍是 ${stillUsed.filePath} 的 id：合并后请删除那个文件（它的出处并入这里），旧网址才会跳转到“${into.id}”。`,
			});
		}
	}
	for (const ref of findDanglingReferences(records, invalidIds).filter((r) => !unchecked.has(r.kind))) {
		const into = ref.kind === 'speaker' ? merged.get(ref.id) : undefined;
		if (into) {
			problems.push({ ...at(ref.file, ref.path), severity: 'error', code: 'former-id', field: formatPath(ref.path), message: `“${ref.id}”是嘉宾“${into.name}”合并前的旧 id：请改为“${into.id}”。` });
			continue;
		}
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
	const seen = new Map<string, string[]>();
	const speakerFiles = new Map(records.speakers.map((s) => [s.id, s.filePath]));
	// Pairs an editor has told apart (either file's distinctFrom names the other).
	const distinct = new Set(records.speakers.flatMap((s) => s.distinctFrom.flatMap((other) => [`${s.id} ${other}`, `${other} ${s.id}`])));
	for (const s of records.speakers) {
		const keys = [
			...new Set([
				`name:${foldName(s.name)}`,
				...s.aliases.map((a) => `name:${foldName(a)}`),
				...(s.romanised ? [`pinyin:${s.romanised.compact}`] : []),
				...(s.originalName ? [`name:${s.originalName.toLowerCase().replace(/\s+/g, '')}`] : []),
			]),
		];
		let warned = false;
		for (const key of keys) {
			const earlier = seen.get(key) ?? seen.set(key, []).get(key)!;
			const other = earlier.find((id) => id !== s.id && !distinct.has(`${s.id} ${id}`));
			earlier.push(s.id);
			if (!other || warned) continue;
			warned = true;
			const why = key.startsWith('pinyin:') ? '拼音相同' : '姓名或别名相同';
			// On both files: whichever of the two a pull request added or edited, the warning is
			// annotated on it (GitHub shows annotations on the files of the diff).
			for (const [file, namesake] of [[s.filePath, other], [speakerFiles.get(other)!, s.id]] as const) {
				problems.push({
					...at(file, ['name']),
					severity: 'warning',
					code: 'duplicate-person',
					field: 'name',
					message: `与嘉宾“${namesake}”${why}，可能是同一个人：若是，请合并为一个文件并把另一种写法放进 aliases；若不是，请在这里加一行 distinctFrom: [${namesake}]，表明两人不同。`,
				});
			}
		}
	}

	// An alias that differs from a name already listed only by the dots or spaces search ignores adds nothing.
	for (const s of records.speakers) {
		const seen = new Map<string, string>([[normalise(s.name).chars, s.name], ...(s.originalName ? [[normalise(s.originalName).chars, s.originalName] as const] : [])]);
		s.aliases.forEach((alias, i) => {
			const key = normalise(alias).chars;
			const same = seen.get(key);
			if (same === undefined) return void seen.set(key, alias);
			problems.push({
				...at(s.filePath, ['aliases', i]),
				severity: 'warning',
				code: 'redundant-alias',
				field: `aliases[${i}]`,
				message: `别名“${alias}”与“${same}”只差间隔号（· • ・）、空格、大小写或繁简体，搜索已把它们当作同一写法：请删除这个别名。`,
			});
		});
	}

	// A pinyin override is what pinyin and initials search look for: one that spells no reading of the name is probably mistyped.
	for (const s of records.speakers) {
		if (!s.pinyin || s.romanised?.readingsAgree !== false) continue;
		problems.push({
			...at(s.filePath, ['pinyin']),
			severity: 'warning',
			code: 'pinyin-mismatch',
			field: 'pinyin',
			message: `拼音“${s.pinyin}”拼不出“${s.name}”各字的任何一种读音：请检查拼写（“姓 名”两段，如 Wan Chongshan）。按拼音或首字母搜索此人时用的就是这里的拼音。`,
		});
	}

	// Namesakes are shown as 张强（清华大学）: two with the same words after the name would look like one.
	const distinctions = namesakeDistinctions(records);
	for (const [id, { distinction, namesakes }] of distinctions) {
		const twin = namesakes.find((other) => distinctions.get(other)?.distinction === distinction);
		if (!twin) continue;
		const file = speakerFiles.get(id)!;
		problems.push({
			...at(file, ['name']),
			severity: 'error',
			code: 'namesake-unclear',
			field: 'disambiguation',
			message: `同名嘉宾“${id}”和“${twin}”在网站上都会显示为“${records.speakers.find((s) => s.id === id)!.name}（${distinction}）”，读者分不清：请在其中一人的文件里加一行 disambiguation: 区分说明（如所在机构、专业）。`,
		});
	}

	const events = new Map(records.events.map((e) => [e.id, e]));
	for (const e of records.events) {
		if (e.end && e.end.iso < e.start.iso.slice(0, e.end.iso.length)) {
			problems.push({ ...at(e.filePath, ['end']), severity: 'error', code: 'end-before-start', field: 'end', message: `结束日期 ${e.end.iso} 早于开始日期 ${e.start.iso}：请检查两个日期。` });
		}
	}
	problems.push(...checkSchedules(records, at));

	// A seed is a regular file directly in seeds/ (the schema allows no slash), other than the folder's
	// own README: `.`, `..` or a folder "exist", and the seed-coverage test would then check nothing.
	// The folder is listed once: a lookup per article was 100,000 stat calls (~1 s) in a large archive.
	const seedDir = join(root, 'seeds');
	const seedFiles = existsSync(seedDir)
		? readdirSync(seedDir, { withFileTypes: true })
				.filter((f) => !f.name.startsWith('.') && !SEED_FOLDER_FILES.has(f.name) && (f.isFile() || (f.isSymbolicLink() && statSync(join(seedDir, f.name), { throwIfNoEntry: false })?.isFile())))
				.map((f) => f.name)
		: [];
	const seeds = new Set(seedFiles);
	const hasSeed = (seed: string) => seeds.has(seed);
	for (const a of records.articles) {
		if (!hasSeed(a.seed)) {
			problems.push({
				...at(a.filePath, ['seed']),
				severity: 'error',
				code: 'missing-seed',
				field: 'seed',
				message: SEED_FOLDER_FILES.has(a.seed)
					? `“${a.seed}”是 seeds/ 目录的说明文件，不是原始稿件：请把原始稿件原样放入 seeds/，再在 seed 字段填写其文件名。`
					: `seeds/ 中没有文件“${a.seed}”：请先把原始稿件原样放入 seeds/，再在 seed 字段填写其文件名。${hint(didYouMean(a.seed, seedFiles))}`,
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
		if (a.source.url && !a.source.accessed) {
			problems.push({
				...at(a.filePath, ['source', 'url']),
				severity: 'warning',
				code: 'missing-access-date',
				field: 'source.accessed',
				message: `填了原文网址，却没有引用日期：GB/T 7714 引用网上文献要写引用日期。请在 source 下加一行 accessed: ${today()}（你查看原文的日期）。`,
			});
		}
		problems.push(...checkImages(root, a.filePath, sources.get(a.filePath)?.images ?? []));
	}

	// Slides, recordings and photos kept in the repository must be there: a missing one would be a dead link.
	for (const e of records.events) {
		const listed = [...e.media.map((m, i) => [['media', i], m] as const), ...e.agenda.flatMap((t, j) => t.media.map((m, i) => [['agenda', j, 'media', i], m] as const))];
		for (const [path, m] of listed) {
			if (!m.file || existsSync(join(root, 'public', m.file))) continue;
			const where = [...path, 'file'];
			problems.push({ ...at(e.filePath, where), severity: 'error', code: 'missing-media', field: formatPath(where), message: `找不到文件“${m.file}”：请把它放进 public${m.file}（以 / 开头的路径从 public/ 算起），或检查文件名；文件在网上的，改写 url。` });
		}
		problems.push(...checkImages(root, e.filePath, sources.get(e.filePath)?.images ?? []));
	}
	return problems;
}

/**
 * Images of a Markdown file that the published page could not show: a relative path (the page
 * is at /articles/<id>/, not beside the file), a path that is not valid percent-encoding, or a file
 * that is not in public/. A remote image is shown, but only while its host keeps serving it: a warning.
 */
function checkImages(root: string, file: string, images: readonly ImageReference[]): Problem[] {
	return images.flatMap(({ src, line, column }): Problem[] => {
		const at = { file, line, column, severity: 'error' as const };
		if (isRemoteImage(src)) {
			const host = src.replace(/^(https?:)?\/\//i, '').split('/')[0];
			return [{ ...at, severity: 'warning', code: 'remote-image', message: `图片“${src}”还在外站（${host}）上：那里删除或拒绝外链时，本站就看不到它了。请运行“npm run import -- --images ${file}”把图片下载进仓库；下载不到时，请从原文保存这张图，放进 public/images/，把地址改成 /images/文件名。` }];
		}
		if (!src.startsWith('/')) {
			return [{ ...at, code: 'relative-image', message: `图片“${src}”用的是相对路径，发布后的页面找不到它：请把图片放进 public/（如 public/images/${src.split('/').pop()}），写成以 / 开头的路径（/images/${src.split('/').pop()}）。` }];
		}
		const path = publicPath(src);
		if (path === undefined) return [{ ...at, code: 'bad-image-path', message: `图片路径“${src}”中的 % 编码无效（不是完整的 UTF-8 字符）：请改用不含 % 的文件名。` }];
		if (existsSync(join(root, 'public', path))) return [];
		return [{ ...at, code: 'missing-image', message: `找不到图片“${src}”：请把图片放进 public/，用以 / 开头的路径引用，并检查文件名。` }];
	});
}

/** Today's date in China (UTC+8), as editors write it: the example an editor can copy. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
