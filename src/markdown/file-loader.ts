import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * Markdown files of one folder (`<base>/*.md`, id = file name) as a collection of their front
 * matter only. Astro's glob loader also stores each rendered body in the content store, which
 * a build loads as one module: ~215 MB at 10,000 articles, most of a cold build's time and memory.
 * Here a page renders its own body from the file when it is built (render-file.ts).
 * Unchanged files (same digest) are not parsed again.
 */
export function markdownFiles({ base }: { base: string }): Loader {
	return {
		name: 'huiji-markdown-files',
		load: async (context: LoaderContext) => {
			const { config, store, watcher } = context;
			const dir = fileURLToPath(new URL(base.endsWith('/') ? base : `${base}/`, config.root));
			const root = fileURLToPath(config.root);
			const sync = async (file: string) => {
				const id = basename(file, '.md');
				const contents = readFileSync(file, 'utf8');
				const digest = context.generateDigest(contents);
				if (store.get(id)?.digest === digest) return id;
				const { frontmatter } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
				const filePath = relative(root, file);
				store.set({ id, data: await context.parseData({ id, data: frontmatter, filePath: file }), filePath, digest });
				return id;
			};
			const untouched = new Set(store.keys());
			for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) untouched.delete(await sync(join(dir, name)));
			for (const id of untouched) store.delete(id);

			// `astro dev`: follow edits, additions and deletions.
			if (!watcher) return;
			watcher.add(dir);
			const inFolder = (path: string) => path.startsWith(dir) && path.endsWith('.md') && !path.slice(dir.length).includes('/');
			// A file that fails to parse is reported in the dev server's log (and by `npm run validate`); its entry keeps the last good front matter.
			const resync = (path: string) => sync(path).catch((error: Error) => context.logger.error(`${relative(root, path)}: ${error.message}`));
			watcher.on('change', (path) => inFolder(path) && void resync(path));
			watcher.on('add', (path) => inFolder(path) && void resync(path));
			watcher.on('unlink', (path) => inFolder(path) && store.delete(basename(path, '.md')));
		},
	};
}
