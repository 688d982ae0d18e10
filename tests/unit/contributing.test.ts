import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { withFieldReference } from '../../src/docs/field-reference';
import { root } from '../support/dist';

test('CONTRIBUTING.md’s field reference matches the schemas (run `npm run docs` after changing them)', () => {
	const current = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
	expect(current).toBe(withFieldReference(current));
	expect(current).toContain('| `people[].as` |  | `quoted` / `interviewed` / `pictured` |');
});
