import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE } from '../config';
import { articleFeed } from '../lib/feeds';
import { site } from '../lib/site';

export const GET = (context: APIContext) => rss(articleFeed(SITE.title, SITE.description, site.articles, context.site!));
