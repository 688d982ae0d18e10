import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentRoot } from '../lib/content-root';
import { formatProblem, summary } from '../validate/problem';
import { validateContent } from '../validate/validate';

/**
 * Runs `npm run validate`'s checks before Astro loads any content: Astro's loader stops at the
 * first invalid file, and never sees cross-file rules. A build with errors fails with the same
 * messages; `astro dev` prints them and carries on. Files that were clean in the last build and
 * are untouched since are not checked again one by one (Astro's cache folder, under validate/).
 */
export function validateContentIntegration(): AstroIntegration {
	return {
		name: 'huiji:validate-content',
		hooks: {
			'astro:config:setup': ({ command, config, logger }) => {
				const projectRoot = fileURLToPath(config.root);
				const cache = { file: fileURLToPath(new URL('validate/clean-files.v8', config.cacheDir)), projectRoot };
				const { problems, files } = validateContent(contentRoot(projectRoot), { cache });
				if (command === 'build' && problems.some((p) => p.severity === 'error')) {
					const error = new Error(`${summary(problems, files)}\n${problems.map(formatProblem).join('\n')}`);
					// The list is the whole message: a stack trace into this file would only distract editors.
					error.stack = error.message;
					throw error;
				}
				for (const p of problems) (p.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(p));
				logger.info(summary(problems, files));
			},
		},
	};
}
