import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { retiredPages } from '../lib/retired-pages';
import { writeShardOutput } from '../lib/shard-output';
import type { Shard } from '../lib/shard';
import { pendingIndexOf } from './search-index';

/**
 * In a sharded build (src/lib/shard.ts), leaves beside the shard's pages what the merge needs
 * (src/lib/shard-output.ts): the pages for the sitemap, less those it leaves out (as astro.config.mjs
 * tells @astrojs/sitemap), and the search index step's input. The search indexes themselves are made
 * once, after the merge.
 */
export function shardOutputIntegration(shard: Shard): AstroIntegration {
	let site = '';
	let base = '/';
	let project = '';
	let urls = { trailingSlash: 'always', format: 'directory' };
	return {
		name: 'huiji:shard-output',
		hooks: {
			'astro:config:done': ({ config }) => {
				site = config.site ?? '';
				base = config.base;
				project = fileURLToPath(config.root);
				urls = { trailingSlash: config.trailingSlash, format: config.build.format };
			},
			'astro:build:done': ({ dir, pages, logger }) => {
				const retired = retiredPages(site);
				const listed = pages.map((p) => p.pathname).filter((p) => !retired.has(new URL(p, new URL(base, site)).href));
				writeShardOutput(fileURLToPath(dir), shard, { site, ...urls }, listed, pendingIndexOf(project, dir, base));
				logger.info(`分片 ${shard.index}/${shard.count}：${pages.length} 个页面；检索索引在合并全部分片后建立。`);
			},
		},
	};
}
