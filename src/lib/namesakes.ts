import { foldName } from '../schemas/pinyin-name';
import { byDateDesc } from './dates';
import type { SiteRecords } from './records';

type Speaker = SiteRecords['speakers'][number];

/**
 * What tells published people of one name apart, shown after it: 张强（清华大学）. The person's own
 * `disambiguation`, else the first organisation of their most recent published source, else that
 * source's wording. People whose name nobody else has get none. Pages, lists, titles, search results
 * and filters all show the name this way (ACL Anthology tells namesakes apart the same way).
 */
export function namesakeDistinctions(records: Pick<SiteRecords, 'speakers' | 'articles' | 'organizations'>): Map<string, { distinction: string; namesakes: string[] }> {
	const published = records.speakers.filter((s) => !s.draft);
	const articleDates = new Map(records.articles.filter((a) => !a.draft).map((a) => [a.id, a.date]));
	const orgNames = new Map(records.organizations.map((o) => [o.id, o.name]));
	const byName = new Map<string, Speaker[]>();
	for (const s of published) {
		const key = foldName(s.name);
		(byName.get(key) ?? byName.set(key, []).get(key)!).push(s);
	}
	const out = new Map<string, { distinction: string; namesakes: string[] }>();
	for (const group of byName.values()) {
		if (group.length < 2) continue;
		for (const s of group) {
			const latest = s.appearances.filter((ap) => articleDates.has(ap.article)).sort(byDateDesc((ap) => articleDates.get(ap.article), (ap) => ap.article))[0];
			const org = latest?.roles.find((r) => r.org)?.org;
			const distinction = s.disambiguation ?? (org ? orgNames.get(org) : undefined) ?? latest?.asGiven ?? s.id;
			out.set(s.id, { distinction, namesakes: group.filter((o) => o.id !== s.id).map((o) => o.id) });
		}
	}
	return out;
}
