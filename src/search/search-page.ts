import { excerpt } from './excerpt';
import { createExactSearch } from './exact-search';

// The search page's behaviour. Exact matches come from /search-index/, related ones from Pagefind.
interface PagefindResult {
	id: string;
	data(): Promise<{ url: string; excerpt: string; meta: { title?: string; date?: string }; filters: { kind?: string[] } }>;
}
interface Pagefind {
	options(o: object): Promise<void>;
	search(q: string): Promise<{ results: PagefindResult[] } | null>;
}

const SHOWN = 20;
const RELATED = 8;

const exact = createExactSearch(async (path) => {
	const response = await fetch(`/search-index/${path}`);
	if (!response.ok) throw new Error(`${path}: ${response.status}`);
	return path.endsWith('.json') ? response.json() : response.text();
});
let pagefind: Promise<Pagefind> | undefined;
const loadPagefind = () =>
	(pagefind ??= import(/* @vite-ignore */ `${'/pagefind/pagefind.js'}`).then(async (pf: Pagefind) => {
		await pf.options({ excerptLength: 40 });
		return pf;
	}));

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const samePath = (a: string) => a.replace(/index\.html$/, '').replace(/\/?$/, '/');

function item(match: 'exact' | 'related', url: string, title: string, kind: string, date: string, event: string, excerptHtml: string) {
	const meta = [kind && `<span class="badge">${escape(kind)}</span>`, event && kind !== '活动' && `<span>${escape(event)}</span>`, date && `<span>${escape(date)}</span>`]
		.filter(Boolean)
		.join('');
	return `<li class="card search-result" data-search-result data-match="${match}"><p class="card-kicker">${meta}</p><h3 class="card-title"><a href="${escape(url)}">${escape(title)}</a></h3><p class="search-excerpt">${excerptHtml}</p></li>`;
}

export function startSearchPage() {
	const form = document.querySelector<HTMLFormElement>('#search-form')!;
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const results = document.querySelector<HTMLElement>('#search-results')!;
	const status = document.querySelector<HTMLElement>('#search-status')!;
	let generation = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;

	async function run(query: string) {
		const mine = ++generation;
		results.dataset.searchState = 'loading';
		results.setAttribute('aria-busy', 'true');
		const q = query.trim();
		if (!q) {
			status.textContent = '输入人名、机构或任意词句，查找包含它的全部页面。';
			results.innerHTML = '';
			return finish(0);
		}
		const found = await exact.search(q);
		const top = found.matches.slice(0, SHOWN);
		const [rows, texts] = await Promise.all([exact.rows(top.map((m) => m.page)), Promise.all(top.map((m) => exact.text(m.page)))]);
		const exactUrls = new Set([...(await exact.rows(found.matches.map((m) => m.page))).values()].map((r) => samePath(r[0])));
		const related = await relatedResults(q, exactUrls);
		if (mine !== generation) return;

		const count = found.matches.length;
		status.textContent = found.tooShort
			? `“${q}”中有单个字的词：请至少输入两个字，才能精确查找。${related.length ? '以下是相关结果。' : ''}`
			: count > 0
				? `共 ${count} 个页面包含“${q}”${count > SHOWN ? `，显示前 ${SHOWN} 个` : ''}。`
				: `没有页面包含“${q}”。${related.length ? '以下是相关结果，仅供参考。' : ''}`;
		const exactHtml = top.map((m, i) => {
			const [url, title, kind, date, event] = rows.get(m.page)!;
			return item('exact', url, title, kind, date, event, excerpt(texts[i]!, m.hits));
		});
		const relatedHtml = related.map((r) => item('related', r.url, r.title, r.kind, r.date, '', r.excerpt));
		results.innerHTML =
			(exactHtml.length ? `<ol class="card-list" aria-label="精确结果">${exactHtml.join('')}</ol>` : '') +
			(relatedHtml.length ? `<h2 class="related-heading">相关结果</h2><ol class="card-list" aria-label="相关结果">${relatedHtml.join('')}</ol>` : '');
		finish(count);
	}

	function finish(count: number) {
		results.dataset.searchCount = String(count);
		results.dataset.searchState = 'done';
		results.removeAttribute('aria-busy');
	}

	/** Pagefind's own results that are not exact matches: pages that share part of the query. */
	async function relatedResults(q: string, exactUrls: Set<string>) {
		const pf = await loadPagefind();
		const search = await pf.search(q);
		const out: { url: string; title: string; kind: string; date: string; excerpt: string }[] = [];
		for (const result of search?.results ?? []) {
			if (out.length >= RELATED) break;
			const data = await result.data();
			if (exactUrls.has(samePath(data.url))) continue;
			out.push({ url: data.url, title: data.meta.title ?? data.url, kind: data.filters.kind?.[0] ?? '', date: data.meta.date ?? '', excerpt: data.excerpt });
		}
		return out;
	}

	function go(query: string) {
		const url = new URL(location.href);
		if (query.trim()) url.searchParams.set('q', query.trim());
		else url.searchParams.delete('q');
		history.replaceState(null, '', url);
		void run(query);
	}

	// Results follow the typing, without a search per keystroke.
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => go(input.value), 200);
	});
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		clearTimeout(timer);
		go(input.value);
	});
	// Arrow keys move between the box and the results; Escape goes back to the box.
	document.addEventListener('keydown', (e) => {
		const links = [...results.querySelectorAll<HTMLAnchorElement>('[data-search-result] a')];
		const at = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (e.key === 'ArrowDown' && (document.activeElement === input || at >= 0)) {
			links[Math.min(at + 1, links.length - 1)]?.focus();
			e.preventDefault();
		} else if (e.key === 'ArrowUp' && at >= 0) {
			(at === 0 ? input : links[at - 1]!).focus();
			e.preventDefault();
		} else if (e.key === 'Escape' && at >= 0) {
			input.focus();
		}
	});

	const initial = new URL(location.href).searchParams.get('q') ?? '';
	input.value = initial;
	void run(initial);
}
