import { expect, test } from 'vitest';
import { findDanglingReferences } from '../../src/lib/references';
import { loadRecords } from '../support/content';

test('the proceedings fixture has no dangling references', () => {
	expect(findDanglingReferences(loadRecords())).toEqual([]);
});

test('dangling references are found with their file and path, drafts included', () => {
	const records = loadRecords();
	const article = records.articles.find((a) => a.id === 'zhejiang-5g-applications')!;
	const broken = { ...article, events: ['no-such-event'], people: [{ speaker: 'li-zhichen', as: 'quoted' as const }] };
	const draft = { ...records.articles.find((a) => a.id === 'ai-reshapes-tumour-care')!, draft: true };
	const others = records.articles.filter((a) => a.id !== article.id && a.id !== draft.id);
	expect(findDanglingReferences({ ...records, articles: [...others, broken, draft] })).toMatchInlineSnapshot(`
		[
		  {
		    "draft": true,
		    "file": "content/speakers/li-zhicheng.yaml",
		    "id": "ai-reshapes-tumour-care",
		    "kind": "article",
		    "path": [
		      "appearances",
		      0,
		      "article",
		    ],
		  },
		  {
		    "draft": true,
		    "file": "content/speakers/lv-le.yaml",
		    "id": "ai-reshapes-tumour-care",
		    "kind": "article",
		    "path": [
		      "appearances",
		      0,
		      "article",
		    ],
		  },
		  {
		    "draft": true,
		    "file": "content/speakers/xu-zhonghuang.yaml",
		    "id": "ai-reshapes-tumour-care",
		    "kind": "article",
		    "path": [
		      "appearances",
		      0,
		      "article",
		    ],
		  },
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
