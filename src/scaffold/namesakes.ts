import type { SiteRecords } from '../lib/records';
import { foldName } from '../schemas/pinyin-name';
import { slugify } from '../schemas/slugify';


type Speaker = SiteRecords['speakers'][number];

/** People already on the site whose name, an alias or original name is `name` (or `originalName`). */
export function findNamesakes(records: Pick<SiteRecords, 'speakers'>, name: string, originalName?: string): Speaker[] {
	const wanted = new Set([foldName(name), ...(originalName ? [foldName(originalName)] : [])]);
	return records.speakers.filter((s) => [s.name, s.originalName, ...s.aliases].some((n) => n !== undefined && wanted.has(foldName(n))));
}

/**
 * An id for a second person called like `taken`: with the organisation the source names
 * (清华大学教授 → zhang-qiang-tsinghua when organizations.yaml knows 清华大学 as `tsinghua`), else with
 * the description's first word in pinyin (zhang-qiang-qinghuadaxue), numbered if even that is taken.
 */
export function distinctId(records: Pick<SiteRecords, 'speakers' | 'organizations'>, taken: string, asGiven: string): string {
	const org = records.organizations.find((o) => [o.name, ...o.aliases].some((n) => n && asGiven.includes(n)));
	const base = `${taken}-${org?.id ?? (slugify(asGiven, 1) || 'b')}`;
	const ids = new Set(records.speakers.map((s) => s.id));
	let id = base;
	for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
	return id;
}

