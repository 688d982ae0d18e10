import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { articleFeed } from '../../../lib/feeds';
import { cacheKey } from '../../../lib/cache-key';
import { site } from '../../../lib/site';
import type { EventView } from '../../../lib/site-model';

export const getStaticPaths = () => site.events.map((event) => ({ params: { id: event.id }, props: { event }, cacheKey: cacheKey(event) }));

export const GET = ({ props, site: base }: APIContext<{ event: EventView }>) =>
	rss(articleFeed(props.event.shortName, `${props.event.name}（${props.event.dateText}）的相关报道。`, props.event.articles, base!));
