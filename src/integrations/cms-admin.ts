import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stringify } from 'yaml';
import { decapConfig } from '../cms/decap-config';
import { contentPass } from '../collections/pass';
import { contentRoot } from '../lib/content-root';

/** Decap CMS's prebuilt bundle: the entry script and the chunks it loads from beside itself. */
const decapDist = dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));
const decapFiles = readdirSync(decapDist).filter((f) => f === 'decap-cms.js' || /^\d+\.decap-cms\.js$/.test(f));

/** The admin page: no site chrome, not indexed; Decap reads config.yml from beside it. */
const adminPage = (title: string) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>内容编辑 · ${title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</title>
</head>
<body>
<script src="decap-cms.js"></script>
</body>
</html>
`;

/** index.html and config.yml, from the content pass the build already made. */
function adminFiles(site: string) {
	const { records } = contentPass(contentRoot());
	const cms = records.settings.cms;
	const config = decapConfig(records, {
		// In the deploy workflow GitHub names the repository; site.yaml may name another.
		repository: cms?.repository ?? process.env.GITHUB_REPOSITORY,
		branch: cms?.branch,
		authUrl: cms?.authUrl,
		siteUrl: site,
	});
	return { 'index.html': adminPage(records.settings.title), 'config.yml': stringify(config, { lineWidth: 0 }) };
}

/**
 * The web editor at `<base>admin/`: Decap CMS with a configuration generated from the collection
 * registry and the schemas (src/cms/decap-config.ts). Written into dist/ after every build, and
 * served by `astro dev` (with `npm run cms`, decap-server lets it save into this clone).
 */
export function cmsAdminIntegration(): AstroIntegration {
	let base = '/';
	let site = '';
	return {
		name: 'huiji:cms-admin',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				site = new URL(base, config.site ?? 'http://localhost:4321').href;
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((req, res, next) => {
					const path = (req.url ?? '').split('?')[0]!;
					if (!path.startsWith(`${base}admin/`)) return next();
					const file = path.slice(`${base}admin/`.length) || 'index.html';
					// The page and its config from the current content; the bundle's chunks as they are.
					if (file === 'index.html' || file === 'config.yml') {
						res.setHeader('Content-Type', file === 'config.yml' ? 'text/yaml; charset=utf-8' : 'text/html; charset=utf-8');
						return res.end(adminFiles(site)[file]);
					}
					if (!decapFiles.includes(file)) return next();
					res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
					res.end(readFileSync(join(decapDist, file)));
				});
			},
			'astro:build:done': ({ dir, logger }) => {
				const out = join(fileURLToPath(dir), 'admin');
				mkdirSync(out, { recursive: true });
				const generated = adminFiles(site);
				const bundle = decapFiles;
				for (const [name, text] of Object.entries(generated)) writeFileSync(join(out, name), text);
				for (const file of bundle) copyFileSync(join(decapDist, file), join(out, file));
				// The folder is this integration's alone (stale-output.ts leaves it): a chunk of an older Decap goes here.
				const current = new Set([...Object.keys(generated), ...bundle]);
				for (const old of readdirSync(out).filter((f) => !current.has(f))) rmSync(join(out, old), { recursive: true, force: true });
				logger.info(`网页编辑器：${base}admin/`);
			},
		},
	};
}
