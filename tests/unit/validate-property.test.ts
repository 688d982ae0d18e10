import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
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
					expect(p.code).toMatch(/^[a-z-]+$/);
					expect(p.message).toMatch(/[\u4e00-\u9fff]/);
					expect(formatProblem(p)).not.toMatch(/\n\s+at |TypeError|undefined|\[object Object\]/);
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
