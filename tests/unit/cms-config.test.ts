import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { decapConfig, type DecapField } from '../../src/cms/decap-config';
import { COLLECTIONS, type CollectionDef } from '../../src/collections/registry';
import { defOf, unwrap } from '../../src/schemas/introspect';
import { loadRecords } from '../support/content';
import { copyContent, problemsOf, replaceIn } from '../support/content-copy';
import { formatProblem } from '../../src/validate/problem';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The web editor's form is generated from the registry and the schemas: these tests fail when the
// generator and the schemas disagree (a field left out, a required field made optional, an option
// or a reference lost), so the form can never go stale.
const records = loadRecords();
const config = decapConfig(records, { siteUrl: 'https://example.org/' });
const folders = (COLLECTIONS as readonly CollectionDef[]).filter((c) => c.storage.type === 'folder');

/** Every schema field as `path → required`, `[]` for list items. */
function schemaFields(schema: z.ZodType, prefix = ''): Map<string, boolean> {
	const out = new Map<string, boolean>();
	for (const [key, field] of Object.entries(defOf(unwrap(schema).core).shape ?? {})) {
		const { core, optional } = unwrap(field);
		out.set(`${prefix}${key}`, !optional);
		const def = defOf(core);
		const element = def.type === 'array' ? unwrap(def.element!).core : undefined;
		if (def.type === 'object') for (const [k, v] of schemaFields(core, `${prefix}${key}.`)) out.set(k, v);
		if (element && defOf(element).type === 'object') for (const [k, v] of schemaFields(element, `${prefix}${key}[].`)) out.set(k, v);
	}
	return out;
}
function cmsFields(fields: DecapField[], prefix = ''): Map<string, boolean> {
	const out = new Map<string, boolean>();
	for (const f of fields) {
		out.set(`${prefix}${f.name}`, f.required !== false);
		const nested = f.widget === 'list' ? `${prefix}${f.name}[].` : `${prefix}${f.name}.`;
		if (f.fields) for (const [k, v] of cmsFields(f.fields, nested)) out.set(k, v);
	}
	return out;
}
const fieldAt = (fields: DecapField[], path: string): DecapField | undefined => {
	const [head, ...rest] = path.replace(/\[\]/g, '').split('.');
	const f = fields.find((x) => x.name === head);
	return rest.length && f ? fieldAt(f.fields ?? [], rest.join('.')) : f;
};

describe.each(folders.map((c) => [c.key, c] as const))('the %s form', (key, c) => {
	const collection = config.collections.find((x) => x.name === key)!;
	test('has every field of the schema, required exactly where the schema requires it, plus the id and the body', () => {
		const expected = schemaFields(c.schema());
		expected.set('id', true);
		if (c.body) expected.set('body', Boolean(c.bodyRequired));
		expect(Object.fromEntries(cmsFields(collection.fields))).toEqual(Object.fromEntries(expected));
	});
	test('writes the files the validator reads: the folder, the extension, the id as file name', () => {
		const storage = c.storage as { folder: string; ext: string };
		expect([collection.folder, `.${collection.extension}`, collection.slug]).toEqual([`content/${storage.folder}`, storage.ext, '{{id}}']);
	});
	test('every reference is a choice among the entries it may name', () => {
		for (const ref of c.references) {
			const field = fieldAt(collection.fields, ref.path)!;
			const target = COLLECTIONS.find((x) => x.kind === ref.to)!;
			if (target.storage.type === 'folder') expect([field.widget, field.collection, field.value_field]).toEqual(['relation', target.key, '{{slug}}']);
			else {
				const ids = (records as unknown as Record<string, { id: string }[]>)[target.key]!.map((e) => e.id);
				expect([field.widget, field.options!.map((o) => o.value)]).toEqual(['select', ids]);
			}
		}
	});
});

test('options carry their Chinese labels, so editors choose 主旨报告, and the file gets keynote', () => {
	const role = fieldAt(config.collections.find((c) => c.name === 'events')!.fields, 'agenda.role')!;
	expect(role.options).toContainEqual({ value: 'keynote', label: '主旨报告（keynote）' });
	const as = fieldAt(config.collections.find((c) => c.name === 'articles')!.fields, 'people.as')!;
	expect(as.options).toContainEqual({ value: 'mentioned', label: '提及（mentioned）' });
});

test('one pull request per entry, in Chinese, saved through decap-server on this machine or to the site’s repository', () => {
	expect([config.publish_mode, config.locale, config.local_backend]).toEqual(['editorial_workflow', 'zh_Hans', true]);
	expect(config.backend).toMatchObject({ name: 'proxy' });
	expect(decapConfig(records, { siteUrl: 'https://example.org/', repository: 'lakeside/archive', branch: 'main' }).backend).toMatchObject({ name: 'github', repo: 'lakeside/archive', branch: 'main' });
});

test('a file may repeat its own id, as the web editor writes it; another id is an error that says what to do', () => {
	const dir = copyContent();
	try {
		replaceIn(dir, 'content/speakers/tang-chao.yaml', 'name: 汤超', 'id: tang-chao\nname: 汤超');
		writeFileSync(join(dir, 'content/speakers/li-lei.yaml'), 'id: li-lie\nname: 李雷\nappearances:\n  - article: zhejiang-5g-applications\n    asGiven: 教授\n');
		expect(problemsOf(dir).map(formatProblem)).toEqual([
			'content/speakers/li-lei.yaml:1:5  错误  id  id“li-lie”与文件名“li-lei”不一致：文件名就是 id。请把这一行改为 id: li-lei，或删掉它；要换 id，就给文件改名。  [id-mismatch]',
		]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
