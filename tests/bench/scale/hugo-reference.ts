import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, type Measured } from './measure';
import { folderSize } from './site-stats';

/** Hugo's version, or undefined where it is not installed (Debian: `apt-get install hugo`). */
export function hugoVersion(): string | undefined {
	try {
		return execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ')[1];
	} catch {
		return undefined;
	}
}

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main data-pagefind-body><h1>{{ with .Title }}{{ . }}{{ else }}{{ .Params.name }}{{ end }}</h1>{{ .Content }}</main></body></html>`;
const LIST = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ with .Title }}{{ . }}{{ else }}{{ .Params.name }}{{ end }}</a></li>{{ end }}</ul></body></html>`;

/**
 * The reference the issue sets: the same archive through Hugo with bare templates (a page per
 * article, event and speaker, plain lists), then Pagefind's CLI over Hugo's output.
 */
export async function hugoReference(root: string, projectRoot: string): Promise<{ hugo: Measured; pagefind: Measured; pages: number }> {
	const site = join(root, 'hugo');
	rmSync(site, { recursive: true, force: true });
	mkdirSync(join(site, 'layouts/_default'), { recursive: true });
	mkdirSync(join(site, 'content/speakers'), { recursive: true });
	writeFileSync(join(site, 'hugo.toml'), `baseURL = "http://localhost/"\nlanguageCode = "zh-CN"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n`);
	writeFileSync(join(site, 'layouts/_default/single.html'), PAGE);
	writeFileSync(join(site, 'layouts/_default/list.html'), LIST);
	// Articles and events as they are; speakers (YAML files) as Markdown with that YAML on top.
	for (const folder of ['articles', 'events']) symlinkSync(join(root, 'content', folder), join(site, 'content', folder));
	for (const name of readdirSync(join(root, 'content/speakers'))) {
		writeFileSync(join(site, 'content/speakers', name.replace(/\.yaml$/, '.md')), `---\n${readFileSync(join(root, 'content/speakers', name), 'utf8')}---\n`);
	}
	const hugo = await measure('hugo', ['--quiet', '--destination', 'public'], { cwd: site });
	const pages = folderSize(join(site, 'public')).html;
	const pagefind = await measure(join(projectRoot, 'node_modules/.bin/pagefind'), ['--site', 'public'], { cwd: site });
	return { hugo, pagefind, pages };
}
