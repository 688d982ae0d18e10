import { COLLECTIONS, editorLabel, type CollectionDef } from '../collections/registry';
import type { SiteRecords } from '../lib/records';
import { urlsFor } from '../lib/urls';

/** One file a pull request changed, as `git diff --name-status` lists it. */
export interface ChangedFile {
	status: 'A' | 'M' | 'D' | 'R';
	path: string;
}
export interface ChangedPage {
	/** 活动《第六届湖畔论坛》 */
	label: string;
	/** The page in the preview, or none (deleted, a draft, an entry without pages). */
	url?: string;
	/** Why there is no page to look at. */
	note?: string;
}

/**
 * The pages a pull request adds or changes, for its preview comment: each changed entry file's page
 * (by the registry's routes), a list file's index page, drafts and deletions said as such.
 */
export function changedPages(files: ChangedFile[], records: SiteRecords, base = '/'): ChangedPage[] {
	const urls = urlsFor(base);
	const out: ChangedPage[] = [];
	for (const file of files) {
		const c = (COLLECTIONS as readonly CollectionDef[]).find((x) =>
			x.storage.type === 'folder' ? file.path.startsWith(`content/${x.storage.folder}/`) && file.path.endsWith(x.storage.ext) : file.path === `content/${x.storage.file}`,
		);
		if (!c) continue;
		const kind = editorLabel(c.kind);
		if (c.storage.type === 'list') {
			out.push({ label: `${kind}列表（${file.path}）`, url: c.route && 'index' in c && c.index ? urls.index(c) : undefined });
			continue;
		}
		const id = file.path.slice(`content/${c.storage.folder}/`.length, -c.storage.ext.length);
		const entry = ((records as unknown as Record<string, { id: string; draft?: boolean; name?: string; title?: string }[]>)[c.key] ?? []).find((e) => e.id === id);
		const name = entry?.title ?? entry?.name ?? id;
		if (file.status === 'D') out.push({ label: `${kind}“${id}”`, note: '已删除' });
		else if (!entry) out.push({ label: `${kind}“${id}”`, note: '未通过校验，没有页面（见“检查”的标注）' });
		else if (entry.draft) out.push({ label: `${kind}《${name}》`, note: '草稿，不发布' });
		else out.push({ label: `${kind}《${name}》`, url: urls.entry(c.kind, id) });
	}
	return out;
}
