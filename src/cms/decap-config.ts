import type { z } from 'zod';
import { COLLECTIONS, collectionByKind, editorLabel, type CollectionDef } from '../collections/registry';
import type { SiteRecords } from '../lib/records';
import { SLUG_PATTERN } from '../schemas';
import { defOf, isSlugSchema, labelsFor, unwrap } from '../schemas/introspect';

/**
 * Decap CMS's configuration (https://decapcms.org/docs/configuration-options/), generated from the
 * collection registry and the zod schemas: one form per collection stored one file per entry, one
 * widget per schema field (type, required, the options of an enum with their Chinese labels, lists,
 * objects, references). Nothing of it is written by hand, so a new field or collection reaches the
 * editor's form with the next build. tests/unit/cms-config.test.ts checks it covers every field.
 *
 * References to another folder collection (speakers, events, articles) are relation widgets that
 * search those entries; references to a list file (organizations.yaml, topics.yaml, series.yaml) are
 * select widgets listing today's entries, since Decap cannot edit or read a file whose top level is a
 * list. A new organisation is added to its list first (CONTRIBUTING.md); the next deploy offers it.
 */
export interface DecapField {
	name: string;
	label: string;
	widget: string;
	required?: boolean;
	hint?: string;
	pattern?: [string, string];
	default?: unknown;
	options?: { label: string; value: string }[];
	multiple?: boolean;
	fields?: DecapField[];
	field?: DecapField;
	collection?: string;
	value_field?: string;
	search_fields?: string[];
	display_fields?: string[];
	value_type?: string;
	min?: number;
	collapsed?: boolean;
}

export interface CmsOptions {
	/** `owner/name` of the GitHub repository the CMS opens pull requests on, if known. */
	repository?: string;
	branch?: string;
	/** OAuth proxy for GitHub logins (Decap's `base_url`). */
	authUrl?: string;
	/** The site's address, for the CMS's "view on site" links. */
	siteUrl: string;
}

/** The field that names an entry in lists and relation search: `title` for articles, else `name`. */
const identifierOf = (c: CollectionDef) => ('title' in (defOf(unwrap(c.schema()).core).shape ?? {}) ? 'title' : 'name');

/** A string field takes line breaks (a description) or not (a name): the schema itself answers. */
const multiLine = (s: z.ZodType) => s.safeParse('甲\n乙').success;

/** `agenda[].speakers[]` → the kind it refers to, for one collection. */
const referenceMap = (c: CollectionDef) => new Map(c.references.map((r) => [r.path, r.to]));

/** The widget for one schema field at `path` (registry reference syntax, `[]` for list items). */
function widgetFor(name: string, schema: z.ZodType, path: string, refs: Map<string, string>, records: SiteRecords): DecapField {
	const { core, optional } = unwrap(schema);
	const def = defOf(core);
	// The description's head is the label (活动全称), the whole of it the hint (活动全称，与报道一致).
	const description = schema.description ?? core.description ?? name;
	const label = description.split(/[，：（]/)[0]!.trim() || name;
	const base = { name, label, ...(label !== description ? { hint: description } : {}), ...(optional ? { required: false } : {}) };
	const target = refs.get(path) ?? (def.type === 'array' ? refs.get(`${path}[]`) : undefined);
	const min = def.checks?.find((c) => c._zod.def.check === 'min_length')?._zod.def.minimum;
	if (target) return { ...base, ...referenceWidget(target, records), ...(def.type === 'array' ? { multiple: true, ...(min ? { min } : {}) } : {}) };
	switch (def.type) {
		case 'string':
			return isSlugSchema(core)
				? { ...base, widget: 'string', pattern: [SLUG_PATTERN.source, 'id 只能使用小写字母、数字和单个连字符，如 e-weinan'] }
				: { ...base, widget: multiLine(core) && multiLine(schema) ? 'text' : 'string' };
		case 'number':
			return { ...base, widget: 'number', value_type: 'int' };
		case 'boolean':
			return { ...base, widget: 'boolean', default: false };
		case 'enum': {
			const values = Object.keys(def.entries ?? {});
			const labels = labelsFor(values);
			return { ...base, widget: 'select', options: values.map((v) => ({ value: v, label: labels.get(v) ? `${labels.get(v)}（${v}）` : v })) };
		}
		case 'union':
			// Clock times (09:30) and dates are text: a picker would invent a day, a time or a zone.
			if (schema.safeParse('09:30').success) return { ...base, widget: 'string', pattern: ['^\\d{1,2}:\\d{2}$', '写成 24 小时制的 09:30、14:00'] };
			// A day of the programme is a full date; other dates are as precise as the source (2024, 2024-10, 2024-10-22).
			if (!schema.safeParse('2024').success) return { ...base, widget: 'string', pattern: ['^\\d{4}-\\d{2}-\\d{2}$', '写成 2024-10-22'] };
			return { ...base, widget: 'string', pattern: ['^\\d{4}(-\\d{2}(-\\d{2})?)?$', '写成 2024、2024-10 或 2024-10-22'] };
		case 'object':
			return { ...base, widget: 'object', collapsed: false, fields: fieldsOf(core, `${path}.`, refs, records) };
		case 'array': {
			const element = unwrap(def.element!).core;
			const item = widgetFor(name, element, `${path}[]`, refs, records);
			return defOf(element).type === 'object'
				? { ...base, widget: 'list', fields: item.fields!, ...(min ? { min } : {}) }
				: { ...base, widget: 'list', field: { ...item, label }, ...(min ? { min } : {}) };
		}
		default:
			throw new Error(`no CMS widget for a ${def.type} field (${path}): add one in src/cms/decap-config.ts`);
	}
}

function referenceWidget(kind: string, records: SiteRecords): Omit<DecapField, 'name' | 'label'> {
	const c = collectionByKind.get(kind)!;
	if (c.storage.type === 'folder') {
		const id = identifierOf(c);
		// The id beside the name: two namesakes are two choices an editor can tell apart.
		return { widget: 'relation', collection: c.key, value_field: '{{slug}}', search_fields: [id], display_fields: [id, '{{slug}}'] };
	}
	const entries = ((records as unknown as Record<string, { id: string; name: string }[]>)[c.key] ?? []);
	return { widget: 'select', options: entries.map((e) => ({ value: e.id, label: `${e.name}（${e.id}）` })) };
}

function fieldsOf(schema: z.ZodType, prefix: string, refs: Map<string, string>, records: SiteRecords): DecapField[] {
	const shape = defOf(unwrap(schema).core).shape ?? {};
	return Object.entries(shape).map(([key, field]) => widgetFor(key, field, `${prefix}${key}`, refs, records));
}

/** The fields of one collection's form: its id (the file name), the schema's fields, and the body for Markdown. */
export function collectionFields(c: CollectionDef, records: SiteRecords): DecapField[] {
	const id: DecapField = {
		name: 'id',
		label: 'id（文件名）',
		widget: 'string',
		hint: '只用小写字母、数字和连字符，如 zhang-qiang 或 lakeside-forum-2025；创建后不要再改',
		pattern: [SLUG_PATTERN.source, 'id 只能使用小写字母、数字和单个连字符'],
	};
	const body: DecapField[] = c.body ? [{ name: 'body', label: c.bodyRequired ? '正文（照录原文）' : '正文', widget: 'markdown', ...(c.bodyRequired ? {} : { required: false }) }] : [];
	return [id, ...fieldsOf(c.schema(), '', referenceMap(c), records), ...body];
}

/** The whole config.yml, as an object. */
export function decapConfig(records: SiteRecords, options: CmsOptions) {
	const folders = (COLLECTIONS as readonly CollectionDef[]).filter((c) => c.storage.type === 'folder');
	return {
		backend: {
			// Without a repository (none in site.yaml, not built by the deploy workflow) the form can only
			// work on this machine, through decap-server (`npm run cms`).
			...(options.repository ? { name: 'github', repo: options.repository } : { name: 'proxy', proxy_url: 'http://localhost:8081/api/v1' }),
			branch: options.branch ?? 'main',
			...(options.authUrl ? { base_url: options.authUrl } : {}),
			commit_messages: { create: '新建{{collection}}：{{slug}}', update: '修改{{collection}}：{{slug}}', delete: '删除{{collection}}：{{slug}}', uploadMedia: '上传图片：{{path}}', deleteMedia: '删除图片：{{path}}' },
		},
		// `npm run cms` starts decap-server: on localhost the CMS reads and writes the files of this clone.
		local_backend: true,
		// Every new or edited entry is its own branch and pull request, checked like any other.
		publish_mode: 'editorial_workflow',
		locale: 'zh_Hans',
		site_url: options.siteUrl,
		display_url: options.siteUrl,
		media_folder: 'public/images',
		public_folder: '/images',
		omit_empty_optional_fields: true,
		collections: folders.map((c) => {
			const storage = c.storage as { folder: string; ext: string };
			const md = storage.ext === '.md';
			return {
				name: c.key,
				label: editorLabel(c.kind),
				label_singular: editorLabel(c.kind),
				folder: `content/${storage.folder}`,
				extension: storage.ext.slice(1),
				format: md ? 'frontmatter' : 'yaml',
				create: true,
				slug: '{{id}}',
				identifier_field: identifierOf(c),
				summary: `{{${identifierOf(c)}}}（{{slug}}）`,
				// No preview templates: the site's own PR preview shows the real pages.
				editor: { preview: false },
				fields: collectionFields(c, records),
			};
		}),
	};
}
