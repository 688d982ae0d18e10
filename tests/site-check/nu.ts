import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import type { BuiltSite, Finding } from './built-site';

/** The Nu HTML Checker (vnu-jar, the W3C validator's engine), run by Java. */
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

/**
 * Every page through the Nu HTML Checker, in one run of the JVM (~3 s for ~100 pages). Errors are
 * findings; its warnings are not: checked from disk, every page's Content-Security-Policy is judged
 * against a file: origin, so each stylesheet and JSON-LD block is reported as "blocked" — which no
 * browser serving the site over HTTP does (the e2e tests assert an empty console).
 */
export function checkNu(site: BuiltSite): Finding[] {
	const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
	if (java.error) throw new Error('The Nu HTML Checker needs Java: run `bash .ci/ensure-java.sh` (Debian: apt-get install default-jre-headless).');
	const files = site.pages().map((p) => site.fileFor(p)!);
	if (files.length === 0) return [];
	// Its JSON report is on stderr; it exits 1 when it found errors.
	const run = spawnSync('java', ['-Xss8m', '-jar', vnuJar, '--format', 'json', '--errors-only', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
	const out = run.stderr.trim();
	if (!out.startsWith('{')) throw new Error(`the Nu HTML Checker did not report: ${run.stderr || run.stdout}`);
	const report = JSON.parse(out) as { messages: { type: string; url?: string; lastLine?: number; firstColumn?: number; message: string }[] };
	return report.messages
		.filter((m) => m.type === 'error' || m.type === 'non-document-error')
		.map((m) => {
			const file = m.url ? decodeURIComponent(new URL(m.url).pathname) : '';
			const page = '/' + relative(site.dir, file).replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1');
			return { check: 'nu', page, message: `${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}` };
		});
}
