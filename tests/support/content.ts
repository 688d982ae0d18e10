import type { SiteRecords } from '../../src/lib/records';
import { formatProblem } from '../../src/validate/problem';
import { validateContent } from '../../src/validate/validate';
import { root } from './dist';

/** The launch content, read and checked exactly as `npm run validate` does; any error fails the caller. */
export function loadRecords(dir = root): SiteRecords {
	const { problems, records } = validateContent(dir);
	const errors = problems.filter((p) => p.severity === 'error');
	if (errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
	return records;
}
