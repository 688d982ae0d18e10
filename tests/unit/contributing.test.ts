import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { withFieldReference } from '../../src/docs/field-reference';
import { withProblemCodes } from '../../src/docs/problem-codes';
import { isProblemCode } from '../../src/validate/codes';
import { root } from '../support/dist';

test('CONTRIBUTING.md’s field reference matches the schemas (run `npm run docs` after changing them)', () => {
	const current = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
	expect(current).toBe(withFieldReference(current));
	expect(current).toContain('| `people[].as` |  | `quoted` / `interviewed` / `mentioned` / `pictured` |');
});

test('CONTRIBUTING.md’s problem-code table lists every code the validator can report (run `npm run docs`)', () => {
	const current = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
	expect(current).toBe(withProblemCodes(current));
	// Codes the schemas attach themselves (params.code) are checked here; the validator's own are typed.
	const schemaCodes = readdirSync(join(root, 'src/schemas')).flatMap((f) => [...readFileSync(join(root, 'src/schemas', f), 'utf8').matchAll(/params: \{ code: '([^']+)' \}/g)].map((m) => m[1]!));
	expect(schemaCodes.length).toBeGreaterThan(0);
	expect(schemaCodes.filter((c) => !isProblemCode(c))).toEqual([]);
	expect(current).toContain('| `not-a-list` | 这里要写成列表');
});
