import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runContentPass } from '../collections/pass';
import { contentRoot } from '../lib/content-root';
import { themeCss } from '../lib/theme';
import { formatProblem, summary } from '../validate/problem';

const THEME_MODULE = 'virtual:huiji/theme.css';

/**
 * Reads and checks all content before Astro loads any (src/collections/pass.ts): Astro's loader
 * would stop at the first invalid file, and never sees cross-file rules. A build with errors fails
 * with the same messages as `npm run validate`; `astro dev` prints them and carries on. Files that
 * were clean in the last build and are untouched since are not checked again one by one (Astro's
 * cache folder, under validate/). The site's colours from content/site.yaml become a stylesheet
 * module the layout imports.
 */
export function validateContentIntegration(): AstroIntegration {
	return {
		name: 'huiji:validate-content',
		hooks: {
			'astro:config:setup': ({ command, config, logger, updateConfig }) => {
				const projectRoot = fileURLToPath(config.root);
				const cache = { file: fileURLToPath(new URL('validate/clean-files.v8', config.cacheDir)), projectRoot };
				const { problems, files, records } = runContentPass(contentRoot(projectRoot), { cache });
				if (command === 'build' && problems.some((p) => p.severity === 'error')) {
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
		},
	};
}
