import { HtmlValidate } from 'html-validate';
import type { BuiltSite, Finding } from './built-site';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

/** html-validate's recommended rules over every built page: errors and warnings alike are findings. */
export async function checkHtml(site: BuiltSite): Promise<Finding[]> {
	const findings: Finding[] = [];
	for (const page of site.pages()) {
		const report = await validator.validateString(site.html(page), page);
		for (const result of report.results) {
			for (const m of result.messages) findings.push({ check: 'html-validate', page, message: `${m.line}:${m.column} ${m.message} (${m.ruleId})` });
		}
	}
	return findings;
}
