import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { formatProblem } from '../../src/validate/problem';
import { validateContent } from '../../src/validate/validate';
import { copyContent, replaceIn } from '../support/content-copy';
import { root } from '../support/dist';

// Builds validate with a cache of the files that were clean; `npm run validate` does not.
// Whatever the cache holds, a build must report what a validation without it reports.
let dir: string;
let project: string;
let cache: { file: string; projectRoot: string };
beforeEach(() => {
	dir = copyContent();
	// The cache is keyed by the validator's code: a project folder of its own, so a test may change it.
	project = mkdtempSync(join(tmpdir(), 'huiji-validator-code-'));
	for (const sub of ['src/validate', 'src/schemas', 'src/lib', 'src/collections', 'src/i18n']) cpSync(join(root, sub), join(project, sub), { recursive: true });
	cache = { file: join(project, 'cache', 'clean-files.v8'), projectRoot: project };
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
	rmSync(project, { recursive: true, force: true });
});

const uncached = () => validateContent(dir);
const cached = () => validateContent(dir, { cache });
const printed = (r: ReturnType<typeof validateContent>) => r.problems.map(formatProblem);

test('with the cache warm, the same entries and problems as without it', () => {
	cached();
	const warm = cached();
	const plain = uncached();
	expect(warm.records).toStrictEqual(plain.records);
	expect(warm.files).toBe(plain.files);
	expect(printed(warm)).toEqual(printed(plain));
});

test('an error in a cached file is reported, located, as soon as the file changes; fixed, it is gone', () => {
	cached();
	const file = 'content/speakers/e-weinan.yaml';
	const text = readFileSync(join(dir, file), 'utf8');
	replaceIn(dir, file, 'name: 鄂维南', 'name：鄂维南');
	expect(printed(cached())).toEqual(printed(uncached()));
	expect(printed(cached()).join('\n')).toContain('content/speakers/e-weinan.yaml:1');
	writeFileSync(join(dir, file), text);
	expect(cached().problems.filter((p) => p.code !== 'remote-image')).toEqual([]);
});

test('a rule across files points into an unchanged, cached file at the right line', () => {
	cached();
	// The article is untouched (cached); the speaker it quotes is gone.
	rmSync(join(dir, 'content/speakers/e-weinan.yaml'));
	const messages = printed(cached());
	expect(messages).toEqual(printed(uncached()));
	expect(messages.find((m) => m.startsWith('content/articles/ai-for-science-summit-2023-observation.md:'))).toMatch(/^content\/articles\/ai-for-science-summit-2023-observation\.md:13:\d+ .*e-weinan/);
});

test('a change to the validator or schemas starts the cache afresh', () => {
	cached();
	// Tamper with one cached entry: while the cache is used, the tampered title shows.
	const saved = deserialize(readFileSync(cache.file));
	const key = [...saved.files.keys()].find((k: string) => k.endsWith('ai-for-science-summit-2023-observation.md'));
	saved.files.get(key).clean.record.title = '缓存里的标题';
	writeFileSync(cache.file, serialize(saved));
	const title = (r: ReturnType<typeof validateContent>) => r.records.articles.find((a) => a.id === 'ai-for-science-summit-2023-observation')?.title;
	expect(title(cached())).toBe('缓存里的标题');
	// A schema file changes: the cache is not used, and the entry is read from its file again.
	mkdirSync(join(project, 'src/schemas'), { recursive: true });
	writeFileSync(join(project, 'src/schemas/article.ts'), readFileSync(join(project, 'src/schemas/article.ts'), 'utf8') + '\n// changed\n');
	expect(title(cached())).toBe(title(uncached()));
});

test('a cache file that cannot be read is ignored', () => {
	mkdirSync(join(project, 'cache'), { recursive: true });
	writeFileSync(cache.file, 'not a v8 serialisation');
	expect(printed(cached())).toEqual(printed(uncached()));
	expect(cached().records).toStrictEqual(uncached().records);
});

test('a build that changed a few files writes only a delta beside the base, which later builds apply to that base and no other', () => {
	cached();
	const before = statSync(cache.file);
	const article = 'content/articles/ai-for-science-summit-2023-observation.md';
	appendFileSync(join(dir, article), '\n');
	expect(cached().records).toStrictEqual(uncached().records);
	// The base is the same file, untouched; the changed article is in the delta.
	const after = statSync(cache.file);
	expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
	const delta = deserialize(readFileSync(`${cache.file}.delta`));
	const key = [...delta.set.keys()].find((k: string) => k.endsWith(article));
	expect(key).toBeDefined();
	// The delta is applied: a title tampered with there shows while the file is unchanged…
	delta.set.get(key).clean.record.title = '增量里的标题';
	writeFileSync(`${cache.file}.delta`, serialize(delta));
	const title = (r: ReturnType<typeof validateContent>) => r.records.articles.find((a) => a.id === 'ai-for-science-summit-2023-observation')?.title;
	expect(title(cached())).toBe('增量里的标题');
	// …but not to a base written since (another id): then the file is read again.
	const base = deserialize(readFileSync(cache.file));
	writeFileSync(cache.file, serialize({ ...base, id: 'another base' }));
	writeFileSync(`${cache.file}.delta`, serialize(delta));
	expect(title(cached())).toBe(title(uncached()));
});
