import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardBuild } from '../cards/share-cards';

/**
 * Share cards are drawn on a thread of their own during a build, beside the pages
 * (src/cards/share-cards.ts). This tells the pages where that thread's file is and where drawn cards
 * are kept (Astro's cache folder, under huiji/cards/), and says at the end what was drawn.
 */
export function shareCardsIntegration(): AstroIntegration {
	let root = '';
	let folder = '';
	return {
		name: 'huiji:share-cards',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				folder = fileURLToPath(new URL('huiji/cards/', config.cacheDir));
			},
			'astro:build:start': () => {
				const worker = join(root, 'src/cards/card-worker.ts');
				cardBuild.set({ worker, folder, drawn: 0, drawnByPages: 0, reused: 0, redrawn: 0, drawingMs: 0, finished: Promise.resolve() });
			},
			'astro:build:done': async ({ logger }) => {
				const build = cardBuild.get();
				cardBuild.set(undefined);
				if (!build) return;
				await build.finished;
				if (build.drawn) logger.info(`分享图：绘制 ${build.drawn} 张（另一线程 ${build.drawn - build.drawnByPages} 张，${(build.drawingMs / 1000).toFixed(1)} 秒；页面线程 ${build.drawnByPages} 张），沿用 ${build.reused} 张。`);
				if (build.redrawn) logger.warn(`分享图：缓存中 ${build.redrawn} 张已损坏（文件不完整），已重新绘制。`);
			},
		},
	};
}
