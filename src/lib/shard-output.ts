import { createHash } from 'node:crypto';
import { copyFileSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegrationLogger } from 'astro';
import { readCacheJson, writeFileAtomic } from './cache-file.ts';
import { filesUnder } from './file-signature.ts';
import { sweepOutput } from './sweep-output.ts';
import { readPendingIndex, savePendingIndex, type PendingIndex } from '../search/separate-index.ts';
import { INDEX_FOLDERS } from '../search/write-indexes.ts';
import type { Shard } from './shard.ts';

/**
 * What a shard's build (./shard.ts) leaves beside its pages, in `huiji-shard/` of its output folder,
 * for the merge: which shard it is, of which site and content, the pages it rendered (for the
 * sitemap), and what the search index step needs (the site model's searchable pages). The merge does
 * not publish this folder. Not a hidden folder: actions/upload-artifact leaves those out since v4.4.0.
 */
const SHARD_FOLDER = 'huiji-shard';
const MANIFEST = 'shard.json';
const VERSION = 1;

interface ShardManifest {
	version: number;
	index: number;
	count: number;
	/** The site's address (astro.config `site`) and base path. */
	site: string;
	base: string;
	/** How the site's addresses end (astro.config `trailingSlash`, `build.format`), for the sitemap. */
	trailingSlash: string;
	format: string;
	/** Digest of the site model's searchable pages: shards of one site built from one content agree on it. */
	content: string;
	/** Pages rendered, relative to the base, as Astro's build reports them, less those the sitemap leaves out. */
	pages: string[];
}

/** What a shard's build knows of its site's addresses. */
export type ShardSite = Pick<ShardManifest, 'site' | 'trailingSlash' | 'format'>;

/** Writes a shard's `huiji-shard/` into its output folder `dir`. */
export function writeShardOutput(dir: string, shard: Shard, site: ShardSite, pages: string[], pending: PendingIndex): void {
	const folder = join(dir, SHARD_FOLDER);
	mkdirSync(folder, { recursive: true });
	savePendingIndex(folder, pending);
	const manifest: ShardManifest = { version: VERSION, index: shard.index, count: shard.count, ...site, base: pending.base, content: contentDigest(pending), pages };
	writeFileAtomic(join(folder, MANIFEST), JSON.stringify(manifest));
}

const contentDigest = (pending: PendingIndex) => {
	const hash = createHash('sha1');
	for (const fact of pending.facts) hash.update(JSON.stringify(fact));
	return hash.digest('base64url');
};

/** The sitemap's files at the top of the site (@astrojs/sitemap's default name): the merge writes its own. */
const SITEMAP_FILE = /^sitemap-(index|\d+)\.xml$/;

export interface Merged {
	shards: number;
	files: number;
	copied: number;
	removed: number;
	/** The search index step of the whole site, for the merged folder. */
	pending: PendingIndex;
}

/**
 * Merges the shards' output folders found in `folder` (each a subfolder holding `huiji-shard/`, as a
 * CI job's downloaded artifacts are) into `outDir`, as one build of the whole site would have left it
 * but for the search indexes (made next, from the returned step) and the order of the sitemap's
 * entries. Throws, in Chinese, saying the fix, when a shard is missing or twice, or the shards are of
 * different sites or content, or two disagree on a page they both rendered.
 *
 * `outDir` is brought up to date in place, as a build keeps dist/: a file is copied only when its size
 * or modification time differs from the copy there, and what no shard has any more is removed (but
 * the search indexes, which the index step brings up to date itself).
 */
export async function mergeShards(folder: string, outDir: string, logger: Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>): Promise<Merged> {
	const shards = shardFolders(folder);
	const first = shards[0]!.manifest;

	// Relative path → the shard folder it is copied from; a path two shards have must be the same file.
	const sources = new Map<string, string>();
	for (const { dir } of shards) {
		for (const path of filesUnder(dir)) {
			if (path.startsWith(`${SHARD_FOLDER}/`) || SITEMAP_FILE.test(path)) continue;
			const other = sources.get(path);
			if (other === undefined) sources.set(path, dir);
			else if (!sameBytes(join(other, path), join(dir, path))) {
				throw new Error(`分片 ${other} 与 ${dir} 都生成了 ${path}，但内容不同：两片不是同一次提交构建的。请用同一次提交重新构建全部分片。`);
			}
		}
	}

	mkdirSync(outDir, { recursive: true });
	let copied = 0;
	for (const [path, dir] of sources) {
		const from = join(dir, path);
		const to = join(outDir, path);
		const source = statSync(from);
		const target = statSync(to, { throwIfNoEntry: false });
		// Within a millisecond: utimes() does not keep a time's nanoseconds.
		if (target && target.size === source.size && Math.abs(target.mtimeMs - source.mtimeMs) < 1) continue;
		mkdirSync(dirname(to), { recursive: true });
		// A copy, never a link: a shard's next build writes its files in place, and a shard's cache
		// trusts its pages by their inode and change time (src/integrations/verified-page-cache.ts).
		copyFileSync(from, to, constants.COPYFILE_FICLONE);
		utimesSync(to, source.atimeMs / 1000, source.mtimeMs / 1000);
		copied++;
	}
	// What no shard has (a deleted article's page) goes; the search indexes are the index step's, the sitemap the merge's own.
	const removed = sweepOutput(outDir, (path) => !sources.has(path) && !SITEMAP_FILE.test(path), INDEX_FOLDERS).length;

	await writeSitemap(outDir, first, [...new Set(shards.flatMap((s) => s.manifest.pages))], logger);
	const pending = { ...readPendingIndex(join(shards[0]!.dir, SHARD_FOLDER)), site: outDir };
	return { shards: shards.length, files: sources.size, copied, removed, pending };
}

/** The shard folders in `folder`, in shard order; throws unless they are shards 1 to n of one site and content, each once. */
function shardFolders(folder: string): { dir: string; manifest: ShardManifest }[] {
	const found = existsSync(folder)
		? readdirSync(folder, { withFileTypes: true })
				.filter((e) => e.isDirectory())
				.flatMap((e) => {
					const dir = join(folder, e.name);
					const manifest = readCacheJson(join(dir, SHARD_FOLDER, MANIFEST)) as ShardManifest | undefined;
					return manifest ? [{ dir, manifest }] : [];
				})
		: [];
	if (!found.length) throw new Error(`${folder} 里没有分片构建的输出（含 ${SHARD_FOLDER}/${MANIFEST} 的子文件夹）。请先用 npm run build -- --shard k/n --outDir ${folder}/<k> 构建每一片。`);
	const [first] = found;
	for (const { dir, manifest } of found) {
		if (manifest.version !== VERSION) throw new Error(`${dir} 是另一版本的会记构建的分片。请用同一次提交重新构建全部分片。`);
		if (manifest.count !== first!.manifest.count || ['site', 'base', 'trailingSlash', 'format'].some((k) => manifest[k as keyof ShardManifest] !== first!.manifest[k as keyof ShardManifest]) || manifest.content !== first!.manifest.content) {
			throw new Error(`${first!.dir} 与 ${dir} 不是同一网站、同一内容、同一分片数的分片。请用同一次提交、同一 SITE_URL 和同样的分片数重新构建全部分片。`);
		}
	}
	const { count } = first!.manifest;
	const byIndex = new Map<number, string[]>();
	for (const { dir, manifest } of found) byIndex.set(manifest.index, [...(byIndex.get(manifest.index) ?? []), dir]);
	const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
	if (missing.length) throw new Error(`分片不全：共 ${count} 片，缺第 ${missing.join('、')} 片。合并缺片的输出会让网站少了这些页面；请先构建缺的分片（npm run build -- --shard ${missing[0]}/${count}）。`);
	const twice = [...byIndex.entries()].filter(([, dirs]) => dirs.length > 1);
	if (twice.length) throw new Error(`第 ${twice[0]![0]} 片出现了不止一次（${twice[0]![1].join('、')}）。每片只保留一份输出再合并。`);
	return found.sort((a, b) => a.manifest.index - b.manifest.index);
}

function sameBytes(a: string, b: string): boolean {
	if (statSync(a).size !== statSync(b).size) return false;
	return readFileSync(a).equals(readFileSync(b));
}

/**
 * The whole site's sitemap, written by @astrojs/sitemap itself (the integration astro.config.mjs
 * uses) from every shard's pages, so that it is the file one build would have written but for the
 * order of its entries. The shards' pages are already without those it leaves out.
 */
async function writeSitemap(outDir: string, manifest: ShardManifest, pages: string[], logger: Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>): Promise<void> {
	for (const file of readdirSync(outDir)) if (SITEMAP_FILE.test(file)) rmSync(join(outDir, file));
	const hooks = sitemap().hooks as Record<string, (options: unknown) => Promise<void> | void>;
	await hooks['astro:routes:resolved']!({ routes: [] });
	await hooks['astro:config:done']!({ config: { site: manifest.site, base: manifest.base, trailingSlash: manifest.trailingSlash, build: { format: manifest.format } } });
	await hooks['astro:build:done']!({ dir: pathToFileURL(outDir + '/'), pages: pages.map((pathname) => ({ pathname })), logger });
}
