import { expect, test } from 'vitest';
import { formatProblem } from '../../src/validate/problem';
import { validateContent } from '../../src/validate/validate';
import { contentRoot } from '../support/dist';

// The launch content passes `npm run validate`: no errors (warnings, e.g. two people of one name, are the editors' call).
test('the content validates without errors', () => {
	const { problems } = validateContent(contentRoot);
	expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
});
