import type { Loader, LoaderContext } from 'astro/loaders';
import { contentRoot } from '../lib/content-root';
import { formatProblem, summary } from '../validate/problem';
import { contentPass, forgetContentPass } from './pass';

/** The one collection Astro holds, and its one entry: which content pass is current (see passLoader). */
export const PASS_COLLECTION = 'pass';
export const PASS_ENTRY = 'current';

/**
 * Astro's content layer holds no records: the site model takes them from the content pass itself
 * (./pass.ts, `contentPass`), in the same process. Storing them in Astro's store cost, at 100,000
 * articles, 14 s of content sync and a ~90 MB data store bundled into the server build (Vite's
 * bundling 21 s against 3.7 s at 20,000) in every build, rebuilds included, to hand the pages
 * objects they could read directly.
 *
 * What the store keeps is one entry naming the current pass. In `astro dev` an edit anywhere under
 * content/ drops the pass, a new one is made (its problems logged, as at start-up: an entry with
 * errors is left out of the dev site) and the entry's generation changes; Astro then evaluates the
 * pages' modules again, and src/lib/site.ts builds its model from the new pass (without the change,
 * tests/build/dev-edit.test.ts fails). In a build the entry never changes.
 */
export function passLoader(): Loader {
	return {
		name: 'huiji-content-pass',
		load: async (context: LoaderContext) => {
			const root = contentRoot();
			contentPass(root);
			let generation = 0;
			const set = () => context.store.set({ id: PASS_ENTRY, data: { generation }, digest: String(generation) });
			set();
			if (!context.watcher) return;
			const folder = `${root}/content/`;
			let pending: ReturnType<typeof setTimeout> | undefined;
			const changed = (path: string) => {
				if (!path.startsWith(folder) || pending) return;
				// Shortly after the first event of an edit: an editor's save can be several events.
				pending = setTimeout(() => {
					pending = undefined;
					forgetContentPass(root);
					const { problems, files } = contentPass(root);
					for (const p of problems) (p.severity === 'error' ? context.logger.error : context.logger.warn).call(context.logger, formatProblem(p));
					context.logger.info(summary(problems, files));
					generation++;
					set();
				}, 50);
			};
			context.watcher.add(folder);
			for (const event of ['change', 'add', 'unlink'] as const) context.watcher.on(event, changed);
		},
	};
}
