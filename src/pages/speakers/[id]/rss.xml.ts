import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { articleFeed } from '../../../lib/feeds';
import { pageKey, ownEntries, site, ui } from '../../../lib/site';
import type { SpeakerView } from '../../../lib/site-model';

export const getStaticPaths = () => ownEntries(site.speakers).map((speaker) => ({ params: { id: speaker.id }, props: { speaker }, cacheKey: pageKey(speaker) }));

export const GET = ({ props, site: base }: APIContext<{ speaker: SpeakerView }>) =>
	rss(articleFeed(props.speaker.label, ui.speaker.feedDescription(props.speaker.label), props.speaker.articles, { page: new URL(props.speaker.url, base), self: new URL(props.speaker.feedUrl, base) }, site.chrome));
