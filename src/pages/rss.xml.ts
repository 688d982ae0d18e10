import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { articleFeed } from '../lib/feeds';
import { site } from '../lib/site';

export const GET = (context: APIContext) => rss(articleFeed(site.chrome.title, site.chrome.description, site.articles, context.site!, site.chrome));
