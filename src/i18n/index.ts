import { zhCN, type Ui } from './zh-CN';

/**
 * The UI languages a site can choose with `lang:` in content/site.yaml. Adding one is adding a file
 * shaped like zh-CN.ts (the type checker lists any string it lacks) and a line here, and its search
 * strings to ./search.ts.
 */
export const LOCALES: Record<string, Ui> = {
	'zh-CN': zhCN,
};

export type { Ui };

/** The strings for a site language; the schema of site.yaml only accepts languages listed above. */
export function uiFor(lang: string): Ui {
	const ui = LOCALES[lang];
	if (!ui) throw new Error(`no UI strings for language ${lang}`);
	return ui;
}
