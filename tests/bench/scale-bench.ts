// `npm run bench -- --articles 10000 [--articles 1000 …] [--no-hugo [--bare-astro]] [--rounds n] [--keep] [--shards n]`: generates each archive
// in a temporary folder, builds it cold with the real configuration, rebuilds after one edit, and runs
// Hugo (bare templates) + Pagefind over the same content in the same session, and Astro with bare
// templates (Astro's own floor, cold and rebuilt after one edit; with --no-hugo, only when
// --bare-astro asks). With --rounds n, ours cold and Hugo + Pagefind are built alternately n times
// and the ratio of each pair is printed with their median: this machine's speed for JavaScript, all
// of ours, drifts by up to 1.9× within an hour, the native reference's much less. With --shards, ours is built as a CI matrix would build it: n shard
// jobs, then the merge (./scale/build-archive.ts). With two sizes or more, each build is fitted as a
// fixed cost plus a cost per article between each two, beside Astro's own fixed cost (a one-page site
// built cold): what decides the ratios at a small archive. Prints Markdown tables,
// headed by what the figures depend on besides the code: machine, versions, commit, a CPU calibration
// before and after, and how much CPU everything else took during each build.
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildArchive, buildShardedArchive, type ArchiveBuild } from './scale/build-archive';
import { calibrate, environment, median, type Calibration } from './scale/environment';
import { THREAD_KINDS, type LoadDuring } from './scale/machine-load';
import { entryPages, generateArchive } from './scale/generate-archive';
import { astroOnePage, astroReference } from './scale/astro-reference';
import { hugoReference, hugoVersion } from './scale/hugo-reference';
import { cardStats, folderSize, pageWeight, reusedRoutes } from './scale/site-stats';

const { values } = parseArgs({
	options: { articles: { type: 'string', multiple: true, default: ['10000'] }, 'no-hugo': { type: 'boolean', default: false }, 'bare-astro': { type: 'boolean', default: false }, rounds: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false }, shards: { type: 'string' } },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a whole number ≥ 1, not ${values.rounds}`);
if (rounds > 1 && values['no-hugo']) throw new Error('--rounds pairs our cold build with Hugo + Pagefind: leave out --no-hugo');
const shards = values.shards ? Number(values.shards) : undefined;
const build = (root: string, cold: boolean) => (shards ? buildShardedArchive(project, root, { cold, shards }) : buildArchive(project, root, { cold }));
const project = process.cwd();
const hugo = values['no-hugo'] ? undefined : hugoVersion();
// Without Hugo the reference columns would be missing from the tables, not marked as missing.
if (!values['no-hugo'] && !hugo) throw new Error('Hugo is not installed: `apt-get install hugo` (Debian’s package is the reference), or pass --no-hugo.');
console.error('calibrating…');
const env = environment(project);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Row {
	articles: number;
	pages: number;
	generate: number;
	cold: ArchiveBuild;
	rebuild: ArchiveBuild;
	output: number;
	files: number;
	fullest: { path: string; entries: number };
	pagefind: { bytes: number; files: number };
	exact: { bytes: number; files: number };
	weight: { html: number; css: number; js: number };
	cards: { cold: ReturnType<typeof cardStats>; rebuild: ReturnType<typeof cardStats> };
	/** Hugo + Pagefind (without --no-hugo). */
	reference?: { hugo: number; pagefind: number; hugoPeak: number; pagefindPeak: number; pages: number; load: LoadDuring };
	/** Astro with bare templates: cold, and rebuilt after one edit. */
	bare?: { cold: number; rebuild: number; pages: number; peak: number };
	/** With --rounds: each pair of cold builds, ours then the reference, and the JS calibration before it. */
	pairs: { ours: number; reference: number; js: number }[];
}

const rows: Row[] = [];
for (const n of values.articles.map(Number)) {
	const root = join(tmpdir(), `huiji-scale-${n}`);
	console.error(`— ${n} articles: generating in ${root}`);
	let t = performance.now();
	// The fixture's seeds, not content's: the same text whatever editors add, so runs compare.
	const archive = generateArchive(root, join(project, 'tests/fixtures/proceedings/seeds'), n);
	const generate = performance.now() - t;

	// With --rounds, the calibration that goes with this size's first pair (the run's own for the first size).
	const js = rounds > 1 && rows.length ? calibrate().js : env.calibration.js;
	console.error('  cold build…');
	// Cold means nothing to reuse: the archive's folder was made afresh, so none of these exists yet.
	const leftovers = ['cache', 'compile-cache', 'dist', 'shards'].filter((d) => existsSync(join(root, d)));
	if (leftovers.length) throw new Error(`not a cold build: ${leftovers.join(', ')} already in ${root}`);
	const cold = await build(root, true);
	const built = folderSize(cold.dist);
	const missing = entryPages(archive).filter((page) => !existsSync(join(cold.dist, page)));
	if (missing.length) throw new Error(`${missing.length} generated entries have no page, e.g. ${missing.slice(0, 3).join(', ')}`);
	const weight = pageWeight(cold.dist, `/articles/${archive.articles[0]!.id}/`);

	let reference: Row['reference'];
	const pairs: Row['pairs'] = [];
	if (hugo) {
		reference = await referenceBuild(root);
		pairs.push({ ours: cold.wall, reference: reference.hugo + reference.pagefind, js });
	}
	for (let round = 2; round <= rounds; round++) {
		console.error(`  round ${round} of ${rounds}: calibrating, ours cold, Hugo + Pagefind…`);
		const roundJs = calibrate().js;
		for (const dir of ['dist', 'shards']) rmSync(join(root, dir), { recursive: true, force: true });
		const ours = (await build(root, true)).wall;
		const r = await referenceBuild(root);
		pairs.push({ ours, reference: r.hugo + r.pagefind, js: roundJs });
	}

	// One editor's change: a paragraph added to one article.
	const edited = archive.articles[Math.floor(n / 2)]!.id;
	appendFileSync(join(root, 'content/articles', `${edited}.md`), '\n补记：会后，主办方公布了下一届的举办时间。\n');
	console.error('  rebuild after one edit…');
	const rebuild = await build(root, false);
	if (!readFileSync(join(rebuild.dist, 'articles', edited, 'index.html'), 'utf8').includes('公布了下一届的举办时间')) {
		throw new Error('the rebuild did not publish the edit');
	}

	let bare: Row['bare'];
	if (hugo || values['bare-astro']) {
		console.error('  bare Astro, cold and after one edit…');
		const b = await astroReference(root, project, edited);
		bare = { cold: b.build.wall, rebuild: b.rebuild.wall, pages: b.pages, peak: Math.max(b.build.peakTree, b.rebuild.peakTree) };
	}
	rows.push({
		articles: n,
		pages: built.html,
		generate,
		cold,
		rebuild,
		output: built.bytes,
		files: built.files,
		fullest: built.fullest,
		pagefind: folderSize(join(cold.dist, 'pagefind')),
		exact: folderSize(join(cold.dist, 'search-index')),
		weight,
		cards: { cold: cardStats(cold.output, cold.dist), rebuild: cardStats(rebuild.output, rebuild.dist) },
		reference,
		bare,
		pairs,
	});
	if (!values.keep) rmSync(root, { recursive: true, force: true });
}

/** Hugo + Pagefind over the archive's content (./scale/hugo-reference.ts). */
async function referenceBuild(root: string): Promise<NonNullable<Row['reference']>> {
	console.error(`  Hugo ${hugo} + Pagefind…`);
	const r = await hugoReference(root, project);
	const load = { ownCpu: r.hugo.load.ownCpu + r.pagefind.load.ownCpu, otherCpu: r.hugo.load.otherCpu + r.pagefind.load.otherCpu, stealShare: (r.hugo.load.stealShare * r.hugo.wall + r.pagefind.load.stealShare * r.pagefind.wall) / (r.hugo.wall + r.pagefind.wall) };
	return { hugo: r.hugo.wall, pagefind: r.pagefind.wall, hugoPeak: r.hugo.peakTree, pagefindPeak: r.pagefind.peakTree, pages: r.pages, load };
}

// Astro's fixed cost, whatever the archive: a one-page site (./scale/astro-reference.ts), three cold builds.
const onePage = hugo || values['bare-astro'] ? await astroOnePage(tmpdir(), project, 3) : undefined;

const after = calibrate();
const cal = (c: Calibration) => `hash ${c.hash.toFixed(0)} / deflate ${c.deflate.toFixed(0)} / JS ${c.js.toFixed(0)} ms`;
console.log(`\nScale benchmark, ${new Date().toISOString().slice(0, 10)}, commit ${env.commit}: ${env.cores} × ${env.cpu}, ${env.memory} RAM, Node ${env.node}, Astro ${env.astro}, Pagefind ${env.pagefind}${hugo ? `, Hugo ${hugo}` : ''}.`);
console.log(`CPU calibration (median of 5; lower is faster): ${cal(env.calibration)} before, ${cal(after)} after. Every cold build started with no cache, compile cache or dist/.\n`);
if (shards) console.log(`Ours built in ${shards} shards, as a CI matrix would (one job after another here): cold and rebuild are the matrix's wall time (slowest shard, then the merge and search indexes), peak the highest of any one job.\n`);
/** Others' CPU over the build, in cores (1.0 = one core busy with something else throughout), and the hypervisor's steal. */
const loadText = (l: LoadDuring, wall: number) => `${(l.otherCpu / wall).toFixed(2)} / ${(100 * l.stealShare).toFixed(1)} %`;
const line = (cells: (string | number)[]) => console.log(`| ${cells.join(' | ')} |`);
const header = (cells: string[]) => {
	line(cells);
	line(cells.map(() => '---'));
};
header(['articles', 'pages', 'validate', 'Astro pages', 'search index', 'cold build', 'peak RSS (tree)', 'rebuild after 1 edit', 'rebuild ÷ cold', 'files reused in the rebuild (pages, feeds, .bib)', 'cold: CPU used (cores)', 'cold: others’ CPU (cores) / steal']);
for (const r of rows) {
	const { validate, pages, index } = r.cold.steps;
	const { reused, routes } = reusedRoutes(r.rebuild.output);
	// A sharded build's jobs ran one after another here: its CPU shares are over that time.
	const here = r.cold.jobs?.serial ?? r.cold.wall;
	line([r.articles, r.pages, s(validate), s(pages), s(index), s(r.cold.wall), gb(r.cold.peakTree), s(r.rebuild.wall), (r.rebuild.wall / r.cold.wall).toFixed(2), `${reused} of ${routes}`, (r.cold.load.ownCpu / here).toFixed(2), loadText(r.cold.load, here)]);
}
if (shards) {
	console.log('');
	header(['articles', 'build', 'each shard (peak)', 'merge', 'search indexes', 'matrix wall', 'all jobs one after another']);
	for (const r of rows) {
		for (const [name, b] of [['cold', r.cold], ['rebuild', r.rebuild]] as const) {
			const jobs = b.jobs!;
			line([r.articles, name, jobs.shards.map((j) => `${s(j.wall)} (${gb(j.peakTree)})`).join(', '), s(jobs.merge), s(jobs.index), s(b.wall), s(jobs.serial)]);
		}
	}
}
// Where the cores went in each cold build: which threads a shorter build must take work from.
console.log('');
const kinds = [...THREAD_KINDS.map(([kind]) => kind), 'other'] as const;
header(['articles', 'cold: CPU time (wall)', ...kinds.map((kind) => `${kind} (s)`)]);
for (const r of rows) {
	const total = Object.values(r.cold.cpuByThread).reduce((sum, ms) => sum + ms, 0);
	line([r.articles, `${s(total)} (${s(r.cold.jobs?.serial ?? r.cold.wall)})`, ...kinds.map((kind) => ((r.cold.cpuByThread[kind] ?? 0) / 1000).toFixed(1))]);
}
console.log('\nRebuild steps (validate / Astro pages / search index): ' + rows.map((r) => `${r.articles}: ${s(r.rebuild.steps.validate)} / ${s(r.rebuild.steps.pages)} / ${s(r.rebuild.steps.index)}, peak ${gb(r.rebuild.peakTree)}`).join('; '));
if (rows.some((r) => r.reference)) {
	console.log('');
	header(['articles', 'Hugo pages', 'Hugo', 'Pagefind on Hugo output', 'Hugo + Pagefind', 'their peak RSS', 'their CPU used (cores)', 'others’ CPU (cores) / steal', 'ours cold', 'ours ÷ (Hugo + Pagefind)', 'bare Astro (pages)', '(bare Astro + that Pagefind) ÷ (Hugo + Pagefind)']);
	for (const r of rows) {
		if (!r.reference) continue;
		const ref = r.reference.hugo + r.reference.pagefind;
		line([r.articles, r.reference.pages, s(r.reference.hugo), s(r.reference.pagefind), s(ref), gb(Math.max(r.reference.hugoPeak, r.reference.pagefindPeak)), (r.reference.load.ownCpu / ref).toFixed(2), loadText(r.reference.load, ref), s(r.cold.wall), (r.cold.wall / ref).toFixed(2), r.bare ? `${s(r.bare.cold)} (${r.bare.pages})` : '', r.bare ? ((r.bare.cold + r.reference.pagefind) / ref).toFixed(2) : '']);
	}
}
if (rounds > 1) {
	console.log(`\nPaired rounds: ours cold, then Hugo + Pagefind, ${rounds} times per size (round 1 is the one above); the JS calibration before each round.\n`);
	header(['articles', 'round', 'JS calibration', 'ours cold', 'Hugo + Pagefind', 'ours ÷ (Hugo + Pagefind)']);
	for (const r of rows) r.pairs.forEach((p, i) => line([r.articles, i + 1, `${p.js.toFixed(0)} ms`, s(p.ours), s(p.reference), (p.ours / p.reference).toFixed(2)]));
	console.log('');
	for (const r of rows) {
		const ratios = r.pairs.map((p) => p.ours / p.reference);
		console.log(`${r.articles} articles: median ratio **${median(ratios).toFixed(2)}** (rounds: ${ratios.map((x) => x.toFixed(2)).join(', ')})`);
	}
}
if (rows.length > 1) fixedAndPerArticle();
if (rows.some((r) => r.bare)) {
	// Astro's incremental build alone, no search index: the least a rebuild on this stack takes.
	console.log('');
	header(['articles', 'bare Astro pages', 'bare Astro cold', 'bare Astro rebuild after 1 edit', 'its peak RSS', 'ours: rebuild (Astro part)', 'ours: rebuild']);
	for (const r of rows) if (r.bare) line([r.articles, r.bare.pages, s(r.bare.cold), s(r.bare.rebuild), gb(r.bare.peak), s(r.rebuild.steps.validate + r.rebuild.steps.pages), s(r.rebuild.wall)]);
}
console.log('');
header(['articles', 'output', 'files', 'fullest folder', 'Pagefind index (files)', 'exact index (files)', 'the rest (files)', 'article page gz: HTML + CSS', 'article page JS (gz)', 'generate corpus']);
for (const r of rows) {
	const rest = { bytes: r.output - r.pagefind.bytes - r.exact.bytes, files: r.files - r.pagefind.files - r.exact.files };
	const cell = (x: { bytes: number; files: number }) => `${mb(x.bytes)} (${x.files})`;
	line([r.articles, mb(r.output), r.files, `${r.fullest.path}: ${r.fullest.entries}`, cell(r.pagefind), cell(r.exact), cell(rest), `${kb(r.weight.html)} + ${kb(r.weight.css)} = ${kb(r.weight.html + r.weight.css)}`, kb(r.weight.js), s(r.generate)]);
}
console.log('');
header(['articles', 'share cards', 'their bytes', 'drawing them, own thread (cold)', 'their routes on the page thread (cold)', 'share of the cold build (page thread)', 'drawn again in the rebuild']);
for (const r of rows) line([r.articles, r.cards.cold.files, mb(r.cards.cold.bytes), s(r.cards.cold.drawMs), s(r.cards.cold.routeMs), `${((100 * r.cards.cold.routeMs) / r.cold.wall).toFixed(1)} %`, r.cards.rebuild.drawn]);
if (process.env.BENCH_TABLE) writeFileSync(process.env.BENCH_TABLE, JSON.stringify(rows.map(({ cold, rebuild, ...r }) => ({ ...r, cold: { wall: cold.wall, peak: cold.peakTree, steps: cold.steps, load: cold.load }, rebuild: { wall: rebuild.wall, peak: rebuild.peakTree, steps: rebuild.steps, load: rebuild.load } })).map((r) => ({ env, calibrationAfter: after, ...r })), null, 1));

/**
 * Each build as a fixed cost plus a cost per article, between each two sizes (medians of the paired
 * rounds; bare Astro and the rebuild from round 1): what decides the ratios at a small archive. Cold
 * ≤ Hugo + Pagefind needs our higher fixed cost paid back by a lower cost per article, from the size
 * printed; rebuild ≤ 15 % of cold needs the rebuild's fixed cost under 15 % of the cold build's.
 */
function fixedAndPerArticle() {
	const sorted = [...rows].sort((a, b) => a.articles - b.articles);
	const ours = (r: Row) => median(r.pairs.length ? r.pairs.map((p) => p.ours) : [r.cold.wall]);
	const reference = (r: Row) => (r.pairs.length ? median(r.pairs.map((p) => p.reference)) : undefined);
	/** [fixed, per 1,000 articles] of a line through two sizes, ms. */
	const fit = (a: number, ta: number, b: number, tb: number) => {
		const per = (tb - ta) / (b - a);
		return [ta - per * a, per * 1000] as const;
	};
	const cell = ([fixed, per]: readonly [number, number]) => `${s(fixed)} + ${s(per)}`;
	/** The size from which a build with `gap` ms more fixed cost and `perGap` ms less per 1,000 articles is the shorter; `never` says why not. */
	const from = (gap: number, perGap: number, never: string) => (gap <= 0 ? 'any size' : perGap > 0 ? `${Math.ceil((gap / perGap) * 1000).toLocaleString('en')} articles` : `none: ${never}`);
	console.log('\nEach build as a fixed cost + a cost per 1,000 articles, through each two sizes (ours and Hugo + Pagefind: medians of the rounds):\n');
	header(['articles', 'ours cold', 'Hugo + Pagefind', 'bare Astro cold', 'ours rebuild after 1 edit', 'cold ≤ Hugo + Pagefind from', 'rebuild ≤ 15 % of cold from']);
	for (let i = 1; i < sorted.length; i++) {
		const [a, b] = [sorted[i - 1]!, sorted[i]!];
		if (a.articles === b.articles) continue; // one size given twice: no line through it
		const cold = fit(a.articles, ours(a), b.articles, ours(b));
		const rebuild = fit(a.articles, a.rebuild.wall, b.articles, b.rebuild.wall);
		const [ra, rb] = [reference(a), reference(b)];
		const ref = ra !== undefined && rb !== undefined ? fit(a.articles, ra, b.articles, rb) : undefined;
		const bare = a.bare && b.bare ? fit(a.articles, a.bare.cold, b.articles, b.bare.cold) : undefined;
		line([
			`${a.articles.toLocaleString('en')} → ${b.articles.toLocaleString('en')}`,
			cell(cold),
			ref ? cell(ref) : '',
			bare ? cell(bare) : '',
			cell(rebuild),
			ref ? from(cold[0] - ref[0], ref[1] - cold[1], 'ours costs more per article') : '',
			from(rebuild[0] - 0.15 * cold[0], 0.15 * cold[1] - rebuild[1], 'the rebuild grows faster than 15 % of the cold build'),
		]);
	}
	if (onePage) console.log(`\nAstro's own fixed cost, a one-page site built cold (${onePage.map(s).join(', ')}): median ${s(median(onePage))}; no Astro build is shorter.`);
}
