import type { Loader, LoaderContext } from 'astro/loaders';
import { contentRoot } from '../lib/content-root';
import { formatProblem, summary } from '../validate/problem';
import { contentPass, forgetContentPass } from './pass';

type Entries = (root: string) => { id: string; data: Record<string, unknown> }[];

/**
 * A collection loaded from the content pass (./pass.ts): the validator's records, already parsed
 * and checked against the registry's schema, so Astro neither reads the files again nor runs the
 * schemas a second time. Markdown bodies are not stored (at 10,000 articles they made a ~215 MB
 * module): pages render them from the file (src/markdown/render-file.ts).
 *
 * In `astro dev`, an edit anywhere under content/ drops the pass; every collection then reloads
 * from a new one, so cross-file rules and references stay right.
 */
export function passLoader(name: string, entries: Entries): Loader {
	return {
		name: `huiji-${name}`,
		load: async (context: LoaderContext) => {
			const root = contentRoot();
			const sync = () => {
				const list = entries(root);
				const untouched = new Set(context.store.keys());
				for (const { id, data } of list) {
					untouched.delete(id);
					const digest = context.generateDigest(data);
					if (context.store.get(id)?.digest === digest) continue;
					context.store.set({ id, data, digest });
				}
				for (const id of untouched) context.store.delete(id);
			};
			sync();
			if (!context.watcher) return;
			logger ??= context.logger;
			resyncs.add(() => {
				try {
					sync();
				} catch (error) {
					context.logger.error((error as Error).message);
				}
			});
			const folder = `${root}/content/`;
			context.watcher.add(folder);
			const changed = (path: string) => path.startsWith(folder) && scheduleResync(root);
			for (const event of ['change', 'add', 'unlink'] as const) context.watcher.on(event, changed);
		},
	};
}

// Every collection's loader hears each edit: the content is read once for all of them, shortly after,
// and what the validator finds is logged, as at start-up: an entry with errors is left out of the
// dev site, and the log says why and where.
const resyncs = new Set<() => void>();
let logger: LoaderContext['logger'] | undefined;
let pending: ReturnType<typeof setTimeout> | undefined;
function scheduleResync(root: string) {
	if (pending) return;
	pending = setTimeout(() => {
		pending = undefined;
		forgetContentPass(root);
		const { problems, files } = contentPass(root);
		for (const p of problems) (p.severity === 'error' ? logger?.error : logger?.warn)?.call(logger, formatProblem(p));
		logger?.info(summary(problems, files));
		for (const resync of resyncs) resync();
	}, 50);
}

/** The records of one collection of the registry. */
export const collectionEntries =
	(key: string): Entries =>
	(root) =>
		((contentPass(root).records as unknown as Record<string, { id: string }[]>)[key] ?? []).map((record) => ({ id: record.id, data: record as Record<string, unknown> }));

/** content/site.yaml, as the one entry `settings` of the `site` collection. */
export const settingsEntries: Entries = (root) => [{ id: 'settings', data: contentPass(root).records.settings as unknown as Record<string, unknown> }];
