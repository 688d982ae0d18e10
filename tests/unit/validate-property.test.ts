import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { afterAll, expect, test } from 'vitest';
import { isProblemCode } from '../../src/validate/codes';
import { formatProblem } from '../../src/validate/problem';
import { validateContent } from '../../src/validate/validate';
import { copyContent } from '../support/content-copy';
import { SITES } from '../support/sites';

const fixture = SITES.proceedings.root;

const files = ['events', 'speakers', 'articles'].flatMap((d) => readdirSync(join(fixture, 'content', d)).map((f) => `content/${d}/${f}`))
	.concat(['content/series.yaml', 'content/organizations.yaml', 'content/topics.yaml']);

// Edits an editor might make by accident, at a random place in a random file.
const NOISE = ['：', '\t', ':', '-', '[', ']', '{', '}', '"', "'", '#', '---', '\uFEFF', '\r\n', '鄂维南', 'ｘ', ' ', '\n', '&a', '*b', '!!', '%', '|', '>'];
type Mutation = { file: string; kind: string; at: number; noise: string; length: number };
const mutation = fc.record({
	file: fc.constantFrom(...files),
	kind: fc.constantFrom('insert', 'delete-line', 'duplicate-line', 'swap-lines', 'truncate', 'delete-chars'),
	at: fc.nat(),
	noise: fc.constantFrom(...NOISE),
	length: fc.integer({ min: 1, max: 40 }),
});

function mutate(text: string, m: Mutation): string {
	const lines = text.split('\n');
	const line = m.at % Math.max(lines.length, 1);
	const pos = m.at % Math.max(text.length, 1);
	switch (m.kind) {
		case 'insert': return text.slice(0, pos) + m.noise + text.slice(pos);
		case 'delete-line': lines.splice(line, 1); return lines.join('\n');
		case 'duplicate-line': lines.splice(line, 0, lines[line] ?? ''); return lines.join('\n');
		case 'swap-lines': [lines[line], lines[(line + 1) % lines.length]] = [lines[(line + 1) % lines.length]!, lines[line]!]; return lines.join('\n');
		case 'truncate': return text.slice(0, pos);
		default: return text.slice(0, pos) + text.slice(pos + m.length);
	}
}

const dir = copyContent();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('random edits to valid files give located problems or success, never a crash', () => {
	fc.assert(
		fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
			const originals = new Map<string, string>();
			try {
				for (const m of mutations) {
					const path = join(dir, m.file);
					const text = readFileSync(path, 'utf8');
					if (!originals.has(m.file)) originals.set(m.file, text);
					writeFileSync(path, mutate(text, m));
				}
				const { problems } = validateContent(dir);
				for (const p of problems) {
					expect(p.file).toMatch(/^content\//);
					expect(isProblemCode(p.code), p.code).toBe(true);
					expect(p.message).toMatch(/[\u4e00-\u9fff]/);
					expect(formatProblem(p)).not.toMatch(/\n\s+at |TypeError|undefined|\[object Object\]/);
					// No parser's or zod's English: outside what it quotes back (“…”, 「…」), a message is Chinese.
					expect(p.message.replace(/“[^”]*”|「[^」]*」/g, '')).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
					// Anything about a file's content points at a line of it.
					if (p.code !== 'missing-file') expect(p.line).toBeGreaterThan(0);
				}
			} finally {
				for (const [file, text] of originals) writeFileSync(join(dir, file), text);
			}
		}),
		{ numRuns: 300, seed: 20261124 },
	);
	// 300 validations of the whole content folder: ~5 s here, over Vitest's default timeout.
}, 60_000);

/** The problems of one run, checked as above: located, Chinese, about a content file, never an exception. */
function expectLocatedProblems(problems: ReturnType<typeof validateContent>['problems'], file: string) {
	for (const p of problems) {
		expect(p.file).toMatch(/^content\//);
		expect(isProblemCode(p.code), p.code).toBe(true);
		expect(p.message).toMatch(/[\u4e00-\u9fff]/);
		expect(formatProblem(p)).not.toMatch(/\n|TypeError|RangeError|undefined|\[object Object\]/);
	}
	return problems.filter((p) => p.file === file);
}

test('random bytes as a content file: refused by name, never a crash', () => {
	const file = 'content/speakers/random-bytes.yaml';
	const article = 'content/articles/random-bytes.md';
	fc.assert(
		fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, asArticle) => {
			const target = asArticle ? article : file;
			const content = asArticle ? Buffer.concat([Buffer.from('---\ntitle: 随机\n---\n'), bytes]) : Buffer.from(bytes);
			writeFileSync(join(dir, target), content);
			try {
				const own = expectLocatedProblems(validateContent(dir).problems, target);
				// Random bytes are never a valid entry of either kind.
				expect(own.some((p) => p.severity === 'error')).toBe(true);
			} finally {
				rmSync(join(dir, target), { force: true });
			}
		}),
		{ numRuns: 200, seed: 20261202 },
	);
}, 60_000);

test('random YAML values as a speaker file: a valid entry or located problems, never a crash', () => {
	const file = 'content/speakers/random-yaml.yaml';
	const value = fc.oneof(
		fc.anything({ maxDepth: 3, withDate: true, withMap: false, withSet: false, withBigInt: false, withTypedArray: false }),
		fc.record({ name: fc.string(), appearances: fc.array(fc.anything({ maxDepth: 2 })), aliases: fc.array(fc.string()) }, { requiredKeys: [] }),
	);
	fc.assert(
		fc.property(value, fc.constantFrom('block', 'flow', 'anchors'), (data, style) => {
			const doc = new YAML.Document(data, { aliasDuplicateObjects: style === 'anchors' });
			const text = style === 'flow' ? doc.toString({ collectionStyle: 'flow' }) : doc.toString();
			writeFileSync(join(dir, file), text);
			try {
				expectLocatedProblems(validateContent(dir).problems, file);
			} finally {
				rmSync(join(dir, file), { force: true });
			}
		}),
		{ numRuns: 200, seed: 20261202 },
	);
}, 60_000);
