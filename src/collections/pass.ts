import { resolve } from 'node:path';
import { validateContent, type ValidationResult } from '../validate/validate';

/**
 * The one pass over content a build makes. The build's validation step (src/integrations/
 * validate-content.ts) reads and checks every file before Astro starts; Astro's loaders
 * (./loader.ts) then take these records instead of reading and parsing the files again. Both run in
 * the one Node process of `astro build`, but in different module graphs (Node's and Vite's), so the
 * result is handed over on globalThis, keyed by content root.
 */
const KEY = Symbol.for('huiji.content-pass');
type Store = Map<string, ValidationResult>;
const store = (): Store => ((globalThis as Record<symbol, Store>)[KEY] ??= new Map());
/** One key per folder, however it is written (`/site/` from Astro's config root, `/site` from the working directory). */
const keyOf = (root: string) => resolve(root);

/** Validates the content under `root` and keeps the result for the loaders. */
export function runContentPass(root: string, options?: Parameters<typeof validateContent>[1]): ValidationResult {
	const result = validateContent(root, options);
	store().set(keyOf(root), result);
	return result;
}

/** The content pass for `root`: the build's, or a new one when none ran in this process (`astro sync`, tests). */
export function contentPass(root: string): ValidationResult {
	return store().get(keyOf(root)) ?? runContentPass(root);
}

/** Forgets the pass for `root` (`astro dev` after an edit), so the next request reads the content again. */
export function forgetContentPass(root: string): void {
	store().delete(keyOf(root));
}
