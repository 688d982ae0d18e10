import type { SiteSettings } from '../schemas';

/** The site's accent colours as CSS custom properties, after the defaults in global.css (so they win). */
export function themeCss({ theme }: SiteSettings): string {
	return `:root { --accent: ${theme.accent}; }\n@media (prefers-color-scheme: dark) { :root { --accent: ${theme.accentDark}; } }\n`;
}
