import { escape, excerpt } from './excerpt';
import { createExactSearch, type Loader } from './exact-search';
import { facetGroups, type Facets } from './facet-counts';
import { createPersonSearch, pinyinLabel, spelledPeopleFirst } from './person-search';
import { searchedIndexFile } from './postings';
import { searchStringsFor } from '../i18n/search';

// The search page's behaviour. Exact matches come from /search-index/, related ones from Pagefind,
// both under the site's base path; text in the page's language (its <html lang>, from content/site.yaml).
interface PagefindResult {
	id: string;
	data(): Promise<{ url: string; excerpt: string; meta: { title?: string; date?: string; kind?: string; event?: string } }>;
}
interface Pagefind {
	options(o: object): Promise<void>;
	init(): Promise<void>;
	search(q: string, o?: { filters?: Record<string, { any: string[] }> }): Promise<{ results: PagefindResult[] } | null>;
}

const PAGE_SIZE = 10;
/** Filters in the order shown, with their labels; URL parameters use the keys. */
const FILTERS = ['kind', 'year', 'event', 'topic', 'speaker'] as const;
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const t = searchStringsFor(document.documentElement.lang);
/**
 * Related results are suggestions, not matches: five are offered, and their five fragments load in
 * one round of requests (browsers open six connections to a host over HTTP/1.1).
 */
const RELATED = 5;
/** Pagefind is warmed up once the reader has paused this long, so it never competes with typing. */
const WARM_UP_AFTER_MS = 1000;

/** People whose names a pinyin query spells, shown before more are asked for. */
const PEOPLE = 5;
/**
 * Values a filter group lists before the reader asks for all: a 100,000-article archive has 20,000
 * speakers, and a common query matches pages of most of them.
 */
const FACET_VALUES = 10;

const load: Loader = async (path) => {
	const response = await fetch(`${BASE}search-index/${path}`);
	if (!response.ok) throw new Error(`${path}: ${response.status}`);
	if (!path.endsWith('.gz')) return response.json();
	// Shards and docs are stored gzipped (index-files.ts) and inflated here; a host that sends them
	// as Content-Encoding: gzip has had the browser inflate them already (no gzip header left).
	const bytes = new Uint8Array(await response.arrayBuffer());
	const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
	const inflated = gzipped ? new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()) : bytes;
	return searchedIndexFile(path, inflated);
};
const exact = createExactSearch(load);
const people = createPersonSearch(load);
let pagefind: Promise<Pagefind> | undefined;
const loadPagefind = () =>
	(pagefind ??= import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`).then(async (pf: Pagefind) => {
		await pf.options({ excerptLength: 40 });
		return pf;
	}));

function item(match: 'exact' | 'related' | 'person', url: string, title: string, kind: string, date: string, event: string, excerptHtml: string) {
	const meta = [kind && `<span class="badge">${escape(kind)}</span>`, event && kind !== t.eventKind && `<span>${escape(event)}</span>`, date && `<span>${escape(date)}</span>`]
		.filter(Boolean)
		.join('');
	return `<li class="card search-result" data-search-result data-match="${match}"><p class="card-kicker">${meta}</p><h3 class="card-title"><a href="${escape(url)}">${escape(title)}</a></h3><p class="search-excerpt">${excerptHtml}</p></li>`;
}

export function startSearchPage() {
	const form = document.querySelector<HTMLFormElement>('#search-form')!;
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const results = document.querySelector<HTMLElement>('#search-results')!;
	const status = document.querySelector<HTMLElement>('#search-status')!;
	const panel = document.querySelector<HTMLElement>('#search-filters')!;
	const sortSelect = document.querySelector<HTMLSelectElement>('#search-sort')!;
	const params = () => new URL(location.href).searchParams;
	const selected = () => new Map(FILTERS.map((key) => [key, params().getAll(key)] as const).filter(([, v]) => v.length > 0));
	let generation = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let warmUp: ReturnType<typeof setTimeout> | undefined;

	let shown = PAGE_SIZE;
	let peopleShown = PEOPLE;
	/** Filter groups the reader opened in full (for this query). */
	const expanded = new Set<string>();
	let showFilters = () => {};

	async function run(query: string) {
		const mine = ++generation;
		clearTimeout(warmUp);
		results.dataset.searchState = 'loading';
		results.setAttribute('aria-busy', 'true');
		const q = query.trim();
		if (!q) {
			status.textContent = t.idle;
			results.innerHTML = '';
			panel.innerHTML = '';
			return finish(0);
		}
		const chosen = selected();
		// A query in pinyin (dqh, Dai Qionghai) also looks for people by name: their own group, above
		// the pages that contain the letters, never counted among them.
		const [found, named] = await Promise.all([exact.search(q, { sort: sortSelect.value === 'date' ? 'date' : 'relevance' }), people(q)]);
		// Facets load with the first search that uses a filter, or after the results are on screen.
		const facets = chosen.size > 0 ? await exact.facets() : undefined;
		const passes = (page: number) => [...chosen].every(([key, values]) => values.some((v) => facets!.get(key)?.get(v)?.has(page)));
		// A person the query spells leads the pages that contain it (sorted by relevance).
		const ranked = sortSelect.value === 'date' ? found.matches : spelledPeopleFirst(found.matches, named);
		const matching = facets ? ranked.filter((m) => passes(m.page)) : ranked;
		const top = matching.slice(0, shown);
		// A person whose page contains the query is already an exact match, ranked first (Dai Qionghai);
		// the group holds the people the query spells otherwise (dqh).
		const exactPages = new Set(found.matches.map((m) => m.page));
		const persons = named.filter((p) => !exactPages.has(p.page) && (!facets || passes(p.page)));
		const topPersons = persons.slice(0, peopleShown);
		// Related results are offered only when nothing matches exactly and no name is spelled. With
		// several terms, the pages holding some of them (each really does, and the terms are marked);
		// else Pagefind's pages that share part of the query. Pagefind is not even loaded while the
		// exact index has an answer.
		const none = matching.length === 0 && persons.length === 0;
		const partial = none ? (facets ? found.partial.filter((m) => passes(m.page)) : found.partial).slice(0, RELATED) : [];
		const askPagefind = none && partial.length === 0;
		const [docs, personDocs, partialDocs, pagefindResults] = await Promise.all([
			Promise.all(top.map((m) => exact.doc(m.page))),
			Promise.all(topPersons.map((p) => exact.doc(p.page))),
			Promise.all(partial.map((m) => exact.doc(m.page))),
			askPagefind ? pagefindSearch(q, chosen) : [],
		]);
		const related = askPagefind
			? await relatedResults(pagefindResults)
			: partial.map((m, i) => ({ ...partialDocs[i]!, excerpt: excerpt(partialDocs[i]!.body, m.hits) }));
		if (mine !== generation) return;

		const count = matching.length;
		status.textContent = found.tooShort
			? t.singleCharacter(q, related.length > 0)
			: count > 0
				? t.found(count, q, top.length)
				: persons.length > 0
					? t.peopleOnly(q, persons.length)
				: found.matches.length > 0
					? t.filteredOut(q, found.matches.length)
					: partial.length > 0
						? t.noneTogether(q)
						: t.none(q, related.length > 0);
		const exactHtml = top.map((m, i) => {
			const d = docs[i]!;
			return item('exact', d.url, d.title, d.kind, d.date, d.event, excerpt(d.body, m.hits));
		});
		const relatedHtml = related.map((r) => item('related', r.url, r.title, r.kind, r.date, r.event, r.excerpt));
		const personHtml = topPersons.map((p, i) => {
			const d = personDocs[i]!;
			return item('person', d.url, d.title, d.kind, d.date, d.event, `<span lang="zh-Latn-pinyin">${escape(pinyinLabel(p.syllables, p.family))}</span>${t.separator}${excerpt(d.body, [])}`);
		});
		results.innerHTML =
			(personHtml.length ? `<h2 class="related-heading" id="person-results">${t.peopleHeading(persons.length)}</h2><ol class="card-list" aria-labelledby="person-results">${personHtml.join('')}</ol>` : '') +
			(persons.length > topPersons.length ? `<button type="button" class="more-results" data-more-people>${t.morePeople(persons.length - topPersons.length)}</button>` : '') +
			(exactHtml.length ? `<h2 class="${personHtml.length ? 'related-heading' : 'visually-hidden'}" id="exact-results">${t.exactHeading}</h2><ol class="card-list" aria-labelledby="exact-results">${exactHtml.join('')}</ol>` : '') +
			(count > top.length ? `<button type="button" class="more-results" data-more>${t.more(count - top.length)}</button>` : '') +
			(relatedHtml.length ? `<h2 class="related-heading" id="related-results">${t.relatedHeading}</h2><ol class="card-list" aria-labelledby="related-results">${relatedHtml.join('')}</ol>` : '');
		finish(count);
		panel.dataset.filtersState = 'loading';
		const allFacets = facets ?? (await exact.facets());
		if (mine !== generation) return;
		renderFilters(found.matches.map((m) => m.page), allFacets, chosen);
		panel.dataset.filtersState = 'done';
		// With the results on screen and the reader paused, Pagefind is started in idle time, so
		// that a later query with no exact match does not wait for its start-up.
		warmUp = setTimeout(() => requestIdleCallback(() => void loadPagefind().then((pf) => pf.init())), WARM_UP_AFTER_MS);
	}

	results.addEventListener('click', (e) => {
		const target = e.target as HTMLElement;
		if (target.closest('[data-more]')) shown += PAGE_SIZE;
		else if (target.closest('[data-more-people]')) peopleShown = Infinity;
		else return;
		void run(input.value);
	});

	function finish(count: number) {
		results.dataset.searchCount = String(count);
		results.dataset.searchState = 'done';
		results.removeAttribute('aria-busy');
	}

	/** Checkboxes with the number of exact matches for each value (facet-counts.ts), the commonest first. */
	function renderFilters(pages: number[], facets: Facets, chosen: Map<string, string[]>) {
		const groups = facetGroups(FILTERS, pages, facets, chosen, { limit: FACET_VALUES, expanded });
		panel.innerHTML = groups
			.filter((g) => g.options.length > 0)
			.map(({ key, options, hidden }) => {
				const boxes = options.map(({ value, count, chosen }) => `<label class="filter-option"><input type="checkbox" name="${key}" value="${escape(value)}"${chosen ? ' checked' : ''}> ${escape(value)} <span class="filter-count" data-filter-count>${count}</span></label>`);
				const more = hidden > 0 ? `<button type="button" class="more-values" data-more-values="${key}">${t.moreValues(hidden)}</button>` : '';
				return `<fieldset class="filter-group" data-filter="${key}"><legend>${t.facets[key]}</legend>${boxes.join('')}${more}</fieldset>`;
			})
			.join('');
		showFilters = () => renderFilters(pages, facets, chosen);
	}
	panel.addEventListener('click', (e) => {
		const key = (e.target as HTMLElement).closest<HTMLElement>('[data-more-values]')?.dataset.moreValues;
		if (!key) return;
		expanded.add(key);
		showFilters();
		panel.querySelector<HTMLInputElement>(`[data-filter="${key}"] .filter-option:nth-of-type(${FACET_VALUES + 1}) input`)?.focus();
	});
	panel.addEventListener('change', (e) => {
		const box = e.target as HTMLInputElement;
		const url = new URL(location.href);
		const values = url.searchParams.getAll(box.name).filter((v) => v !== box.value);
		url.searchParams.delete(box.name);
		for (const v of box.checked ? [...values, box.value] : values) url.searchParams.append(box.name, v);
		history.replaceState(null, '', url);
		void run(input.value);
	});
	sortSelect.addEventListener('change', () => {
		const url = new URL(location.href);
		if (sortSelect.value === 'date') url.searchParams.set('sort', 'date');
		else url.searchParams.delete('sort');
		history.replaceState(null, '', url);
		void run(input.value);
	});

	async function pagefindSearch(q: string, chosen: Map<string, string[]>): Promise<PagefindResult[]> {
		const pf = await loadPagefind();
		const filters = Object.fromEntries([...chosen].map(([key, values]) => [key, { any: values }]));
		return (await pf.search(q, chosen.size ? { filters } : {}))?.results ?? [];
	}

	/** Pagefind's leading results, loaded together: pages that share part of a query no page contains. */
	async function relatedResults(results: PagefindResult[]) {
		const loaded = await Promise.all(results.slice(0, RELATED).map((r) => r.data()));
		return loaded.map((d) => ({ url: d.url, title: d.meta.title ?? d.url, kind: d.meta.kind ?? '', event: d.meta.event ?? '', date: d.meta.date ?? '', excerpt: d.excerpt }));
	}

	function go(query: string) {
		shown = PAGE_SIZE;
		peopleShown = PEOPLE;
		expanded.clear();
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

	const initial = params().get('q') ?? '';
	input.value = initial;
	sortSelect.value = params().get('sort') === 'date' ? 'date' : 'relevance';
	void run(initial);
}
