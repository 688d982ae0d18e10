import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runContentPass } from '../collections/pass';
import { contentRoot } from '../lib/content-root';
import { buildShard, shardOf } from '../lib/shard';
import { startBodiesAhead } from '../markdown/bodies-ahead';
import { themeCss } from '../lib/theme';
import { formatProblem, summary } from '../validate/problem';
import type { FreshBody } from '../validate/validate';

const THEME_MODULE = 'virtual:huiji/theme.css';
/** Bodies read afresh up to which their pages render them (see below). */
const FEW_BODIES = 50;

/**
 * Reads and checks all content before Astro loads any (src/collections/pass.ts): Astro's loader
 * would stop at the first invalid file, and never sees cross-file rules. A build with errors fails
 * with the same messages as `npm run validate`; `astro dev` prints them and carries on. Files that
 * were clean in the last build and are untouched since are not checked again one by one (Astro's
 * cache folder, under validate/). The site's colours from content/site.yaml become a stylesheet
 * module the layout imports. In a build, the bodies validation reads are rendered ahead of their
 * pages, on a thread of their own (src/markdown/bodies-ahead.ts).
 */
export function validateContentIntegration(): AstroIntegration {
	let bodies: ReturnType<typeof startBodiesAhead> | undefined;
	return {
		name: 'huiji:validate-content',
		hooks: {
			'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
				const projectRoot = fileURLToPath(config.root);
				const root = contentRoot(projectRoot);
				const cache = { file: fileURLToPath(new URL('validate/clean-files.v8', config.cacheDir)), projectRoot };
				// Only bodies this build's pages render: not drafts', nor, in a sharded build, other shards'.
				// The thread is started only for more than a few: after an edit or two, the pages render
				// their bodies (starting the thread and its own copy of the Markdown pipeline took ~0.6 s and ~0.8 s of CPU here).
				const shard = buildShard();
				const few: FreshBody[] = [];
				const onFreshBody =
					command === 'build'
						? (body: FreshBody) => {
								if (body.draft || (shard && shardOf(body.id, shard.count) !== shard.index)) return;
								if (bodies) return bodies.add(body.file, body.bodyStart);
								if (few.push(body) <= FEW_BODIES) return;
								bodies = startBodiesAhead(root, join(projectRoot, 'src/markdown/bodies-ahead-worker.ts'));
								for (const { file, bodyStart } of few.splice(0)) bodies.add(file, bodyStart);
							}
						: undefined;
				const { problems, files, records } = runContentPass(root, { cache, onFreshBody });
				if (command === 'build' && problems.some((p) => p.severity === 'error')) {
					await bodies?.stop();
					const error = new Error(`${summary(problems, files)}\n${problems.map(formatProblem).join('\n')}`);
					// The list is the whole message: a stack trace into this file would only distract editors.
					error.stack = error.message;
					throw error;
				}
				for (const p of problems) (p.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(p));
				logger.info(summary(problems, files));
				const css = themeCss(records.settings);
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'huiji:theme',
								resolveId: (id: string) => (id === THEME_MODULE ? `\0${THEME_MODULE}` : undefined),
								load: (id: string) => (id === `\0${THEME_MODULE}` ? css : undefined),
							},
						],
					},
				});
			},
			'astro:build:done': async ({ logger }) => {
				if (!bodies) return;
				const { fromThread, byPages, failed } = await bodies.stop();
				logger.info(`正文：另一线程预先渲染 ${fromThread} 篇，页面自行渲染 ${byPages} 篇。`);
				// Nothing is missing (its pages rendered the rest), but the build was slower than it should be.
				if (failed) logger.warn(`正文预渲染线程中途停止（${failed}），其余正文已由页面自行渲染，网站内容完整。构建变慢时请把这条消息交给维护者。`);
			},
		},
	};
}
