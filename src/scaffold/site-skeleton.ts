import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { COLLECTIONS, type CollectionDef } from '../collections/registry';
import { NAV_KEYS } from '../schemas/site';

export interface SiteAnswers {
	title: string;
	tagline: string;
	description: string;
}

/**
 * Empties `content/` and `seeds/` under `root` and writes the smallest valid site: its settings
 * (content/site.yaml), an empty list file or folder for every collection of the registry, and a
 * seeds/README.md saying what goes there. What was there before is gone: the caller confirms first.
 */
export function writeSiteSkeleton(root: string, site: SiteAnswers): string[] {
	const written: string[] = [];
	const write = (path: string, text: string) => {
		writeFileSync(join(root, path), text);
		written.push(path);
	};
	for (const dir of ['content', 'seeds']) {
		rmSync(join(root, dir), { recursive: true, force: true });
		mkdirSync(join(root, dir), { recursive: true });
	}
	write(
		'content/site.yaml',
		`# 网站设置：名称、简介、导航、页脚、图标与主题色。字段说明见 CONTRIBUTING.md“网站设置”。\n${stringify({ ...site, lang: 'zh-CN', nav: [...NAV_KEYS] }, { lineWidth: 0 })}`,
	);
	for (const c of COLLECTIONS as readonly CollectionDef[]) {
		if (c.storage.type === 'list') write(`content/${c.storage.file}`, `# 每一项以“- id: …”开头，字段见 CONTRIBUTING.md。\n[]\n`);
		else {
			mkdirSync(join(root, 'content', c.storage.folder), { recursive: true });
			// Git keeps no empty folder; the validator skips files that start with a dot.
			write(`content/${c.storage.folder}/.gitkeep`, '');
		}
	}
	write('seeds/README.md', '# 原始稿件\n\n把每篇报道的原始稿件原样放在这里（可用 `npm run import -- <文件>` 导入），文章的 `seed` 字段写它的文件名。\n');
	return written;
}
