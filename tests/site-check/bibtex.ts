import { parse } from '@retorquere/bibtex-parser';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { builtFiles, type BuiltSite, type Finding } from './built-site';

// The BibTeX we publish (each article page's block and each event's citations.bib), judged by two
// readers we did not write: Better BibTeX's parser for the syntax, and biber, biblatex's own backend,
// for biblatex's data model (`biber --tool --validate-datamodel`: entry types, their fields, and the
// fields each type requires). biber comes from Debian without TeX (`--no-install-recommends`, ~10 MB:
// .ci/ensure-biber.sh); tool mode carries biblatex's default data model, so no LaTeX run is needed.

const CHECK = 'BibTeX';

export interface BibReport {
	findings: Finding[];
	/** Entries for sources that print no date: biblatex requires one, and none may be invented. */
	undated: string[];
}

/** Every .bib file of the built site, as URL paths. */
export const bibPaths = (dir: string) => builtFiles(dir, (name) => name.endsWith('.bib'));

/** Entries of a BibTeX text by key, as written (from `@` to the next entry). */
const entriesOf = (text: string) => new Map(text.split(/^(?=@)/m).filter((e) => e.trim()).map((e) => [/^@\w+\{([^,]+),/.exec(e)?.[1] ?? '', e.trim()]));

export function checkBibtex(site: BuiltSite): BibReport {
	const report: BibReport = { findings: [], undated: [] };
	const add = (page: string, message: string) => report.findings.push({ check: CHECK, page, message });
	// Where each entry was first seen, its text, and whether its page shows a date.
	const seen = new Map<string, { where: string; text: string }>();
	const dated = new Map<string, boolean>();
	const take = (where: string, text: string) => {
		const parsed = parse(text, { sentenceCase: false });
		for (const e of parsed.errors) add(where, `does not parse: ${e.error}`);
		for (const [key, entry] of entriesOf(text)) {
			const first = seen.get(key);
			if (!first) seen.set(key, { where, text: entry });
			else if (first.text !== entry) add(where, `entry ${key} differs from the one on ${first.where}: a citation must read the same everywhere`);
		}
	};
	for (const page of site.pages()) {
		const tree = site.tree(page);
		const block = select('#cite-bibtex', tree);
		if (!block) continue;
		take(page, toText(block));
		for (const key of entriesOf(toText(block)).keys()) dated.set(key, select('.page-header time', tree) !== undefined);
	}
	for (const path of bibPaths(site.dir)) take(path, readFileSync(join(site.dir, path), 'utf8'));
	if (seen.size === 0) return report;

	const work = mkdtempSync(join(tmpdir(), 'huiji-biber-'));
	try {
		writeFileSync(join(work, 'all.bib'), [...seen.values()].map((e) => e.text).join('\n'));
		const run = spawnSync('biber', ['--tool', '--validate-datamodel', '--nolog', '--output-file', join(work, 'out.bib'), join(work, 'all.bib')], { encoding: 'utf8' });
		if (run.error || run.status === null) {
			add('/', 'biber is not installed: run `bash .ci/ensure-biber.sh` (Debian: apt-get install --no-install-recommends biber)');
			return report;
		}
		for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
			const m = /^(WARN|ERROR) - (?:Datamodel: )?(?:Entry '([^']+)' \([^)]*\): )?(.*)$/.exec(line.trim());
			if (!m || /^WARNINGS: \d+$/.test(m[3]!)) continue;
			const key = m[2];
			const where = key ? (seen.get(key)?.where ?? '/') : '/';
			if (key && /one of 'date, year' must be defined/.test(m[3]!) && dated.get(key) === false) report.undated.push(where);
			else add(where, `biber: ${key ? `${key}: ` : ''}${m[3]}`);
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	return report;
}
