import { searchZhCN } from './search-zh-CN';

/**
 * The search page's strings by UI language: what its script loads (a few hundred bytes), where the
 * pages' templates use the whole locale (./index.ts). A new language adds its file here too.
 */
const SEARCH_LOCALES: Record<string, typeof searchZhCN> = {
	'zh-CN': searchZhCN,
};

export const searchStringsFor = (lang: string) => SEARCH_LOCALES[lang] ?? searchZhCN;
