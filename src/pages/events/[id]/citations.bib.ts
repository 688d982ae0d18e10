import type { APIContext } from 'astro';
import { bibtexOf } from '../../../lib/citations';
import { pageKey, ownEntries, site } from '../../../lib/site';
import type { ArticleView } from '../../../lib/site-model';

export const getStaticPaths = () =>
	ownEntries(site.events)
		.filter((e) => e.articles.length > 0)
		.map((e) => {
			const articles = e.articles.map((a) => site.articleById.get(a.id)!);
			return { params: { id: e.id }, props: { articles }, cacheKey: pageKey(articles) };
		});

export const GET = ({ props }: APIContext<{ articles: ArticleView[] }>) =>
	new Response(bibtexOf(props.articles), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
