import { expect, test } from 'vitest';
import { findDanglingReferences, withPendingEntries } from '../../src/lib/references';
import { loadRecords } from '../support/content';

test('the proceedings fixture has no dangling references', () => {
	expect(findDanglingReferences(loadRecords())).toEqual([]);
});

test('dangling references are found with their file and path', () => {
	const records = loadRecords();
	const article = records.articles.find((a) => a.id === 'zhejiang-5g-applications')!;
	const broken = { ...article, events: ['no-such-event'], people: [{ speaker: 'li-zhichen', as: 'quoted' as const }] };
	const draft = { ...records.articles.find((a) => a.id === 'ai-reshapes-tumour-care')!, draft: true };
	const others = records.articles.filter((a) => a.id !== article.id && a.id !== draft.id);
	expect(findDanglingReferences({ ...records, articles: [...others, broken, draft] })).toMatchInlineSnapshot(`
		[
		  {
		    "file": "content/articles/zhejiang-5g-applications.md",
		    "id": "no-such-event",
		    "kind": "event",
		    "path": [
		      "events",
		      0,
		    ],
		  },
		  {
		    "file": "content/articles/zhejiang-5g-applications.md",
		    "id": "li-zhichen",
		    "kind": "speaker",
		    "path": [
		      "people",
		      0,
		      "speaker",
		    ],
		  },
		]
	`);
});

test('a person whose every source is a draft waits for it: citing a draft is fine, a published reference to them is not', () => {
	const records = loadRecords();
	const draft = { ...records.articles.find((a) => a.id === 'ai-reshapes-tumour-care')!, draft: true };
	const quoting = { ...records.articles.find((a) => a.id === 'zhejiang-5g-applications')!, people: [{ speaker: 'lv-le', as: 'mentioned' as const }] };
	const others = records.articles.filter((a) => a.id !== draft.id && a.id !== quoting.id);
	const pending = withPendingEntries({ ...records, articles: [...others, draft, quoting] });
	expect(pending.speakers.filter((s) => s.draft).map((s) => s.id).sort()).toEqual(['li-zhicheng', 'lv-le', 'xu-zhonghuang']);
	expect(findDanglingReferences(pending)).toEqual([
		{ file: 'content/articles/zhejiang-5g-applications.md', path: ['people', 0, 'speaker'], kind: 'speaker', id: 'lv-le', draft: true, waitsForSources: true },
	]);
	// From a draft, the same reference is fine: neither is published.
	expect(findDanglingReferences(withPendingEntries({ ...records, articles: [...others, draft, { ...quoting, draft: true }] }))).toEqual([]);
});
