import type { SiteRecords } from '../../src/lib/records';
import { formatProblem } from '../../src/validate/problem';
import { validateContent } from '../../src/validate/validate';
import { SITES } from './sites';

/** A site's content (by default the `proceedings` fixture), read and checked exactly as `npm run validate` does; any error fails the caller. */
export function loadRecords(dir: string = SITES.proceedings.root): SiteRecords {
	const { problems, records } = validateContent(dir);
	const errors = problems.filter((p) => p.severity === 'error');
	if (errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
	return records;
}
