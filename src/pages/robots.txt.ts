import type { APIContext } from 'astro';

// Everything may be crawled; the sitemap's address depends on where the site is deployed (SITE_URL).
export const GET = ({ site }: APIContext) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap-index.xml', site).href}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
