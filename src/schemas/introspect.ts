import type { z } from 'zod';

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
	checks?: { _zod: { def: { pattern?: RegExp } } }[];
}

/** A schema's definition (zod 4 keeps it at `_zod.def`). */
export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
