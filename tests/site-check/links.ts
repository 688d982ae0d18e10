import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import type { BuiltSite, Finding } from './built-site';

/** Every internal link (href and src) on every page leads to a built file, and every #anchor exists. */
export function checkLinks(site: BuiltSite): Finding[] {
	const findings: Finding[] = [];
	for (const from of site.pages()) {
		const targets = selectAll('a[href], link[href], img[src], script[src]', site.tree(from)).map((e: Element) => String(e.properties.href ?? e.properties.src));
		for (const href of targets) {
			if (/^(https?:|mailto:|data:)/.test(href) || href.startsWith('//')) continue;
			const url = new URL(href, `http://site${from}`);
			const file = site.fileFor(url.pathname);
			if (!file) {
				findings.push({ check: 'links', page: from, message: `${href}: no such page or file` });
				continue;
			}
			const id = decodeURIComponent(url.hash.slice(1));
			if (id && file.endsWith('.html') && !select(`[id="${id.replace(/["\\]/g, "\\$&")}"]`, site.tree(url.pathname))) {
				findings.push({ check: 'links', page: from, message: `${href}: no element with id “${id}” on ${url.pathname}` });
			}
		}
	}
	return findings;
}
