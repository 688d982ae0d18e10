import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { articleFeed } from '../../../lib/feeds';
import { pageKey, ownEntries, site, ui } from '../../../lib/site';
import type { EventView } from '../../../lib/site-model';

export const getStaticPaths = () => ownEntries(site.events).map((event) => ({ params: { id: event.id }, props: { event }, cacheKey: pageKey(event) }));

export const GET = ({ props, site: base }: APIContext<{ event: EventView }>) =>
	rss(articleFeed(props.event.shortName, ui.event.feedDescription(props.event.name, props.event.dateText), props.event.articles, { page: new URL(props.event.url, base), self: new URL(props.event.feedUrl, base) }, site.chrome));
