import { buildFixtureSite, SITES, type SiteName } from './support/sites';

/** Builds every fixture site once before the tests that read them; a failed build fails the run with its output. */
export default function setup() {
	// `npm run test:unit` reads no built site.
	if (process.env.HUIJI_FIXTURES === 'skip') return;
	for (const name of Object.keys(SITES) as SiteName[]) {
		const { status, output } = buildFixtureSite(name);
		if (status !== 0) throw new Error(`fixture site ${name} failed to build:\n${output}`);
	}
}
