import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { articleFeed } from '../../../lib/feeds';
import { cacheKey } from '../../../lib/cache-key';
import { site } from '../../../lib/site';
import type { SpeakerView } from '../../../lib/site-model';

export const getStaticPaths = () => site.speakers.map((speaker) => ({ params: { id: speaker.id }, props: { speaker }, cacheKey: cacheKey(speaker) }));

export const GET = ({ props, site: base }: APIContext<{ speaker: SpeakerView }>) =>
	rss(articleFeed(props.speaker.name, `报道或引述${props.speaker.name}的文章。`, props.speaker.articles, base!));
