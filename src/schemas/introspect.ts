import type { z } from 'zod';
import { zhCN } from '../i18n/zh-CN';
import { SLUG_PATTERN } from './common';

/** The parts of a zod schema's definition that the validator and the docs generator read. */
export interface SchemaDef {
	type: string;
	shape?: Record<string, z.ZodType>;
	element?: z.ZodType;
	innerType?: z.ZodType;
	in?: z.ZodType;
	options?: z.ZodType[];
	entries?: Record<string, string>;
	format?: string;
	checks?: { _zod: { def: { pattern?: RegExp; check?: string; minimum?: number } } }[];
}

/** A schema's definition (zod 4 keeps it at `_zod.def`). */
export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** A string schema built by `slug()`: its pattern is the id pattern. */
export const isSlugSchema = (s: z.ZodType) => Boolean(defOf(s).checks?.some((c) => c._zod.def.pattern?.source === SLUG_PATTERN.source));

/** Peels optional/default/pipe wrappers, noting whether the field may be left out. */
export function unwrap(schema: z.ZodType): { core: z.ZodType; optional: boolean } {
	let core = schema;
	let optional = false;
	for (;;) {
		const def = defOf(core);
		if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
			optional = true;
			core = def.innerType;
		} else if (def.type === 'pipe' && def.in) core = def.in;
		else return { core, optional };
	}
}

/** The Chinese labels of an enum's options (主旨报告 for keynote), from the vocabulary that has them all. */
export function labelsFor(options: string[]): Map<string, string> {
	const vocab = Object.values(zhCN.vocab).find((labels) => options.every((o) => o in labels)) as Record<string, string> | undefined;
	return new Map(Object.entries(vocab ?? {}));
}
