import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { articleFeed } from '../lib/feeds';
import { site } from '../lib/site';

export const GET = (context: APIContext) => rss(articleFeed(site.chrome.title, site.chrome.description, site.feedArticles, { page: new URL(site.chrome.home, context.site), self: new URL(site.chrome.siteFeed, context.site) }, site.chrome));
