import type { ArticleData, EventData, Organization, Series, Speaker, Topic } from '../schemas';

/** Where an entry came from, for error messages (path relative to the project root). */
export interface Located {
	id: string;
	filePath: string;
}

/** Every collection, validated by its schema, as plain data: the input of the site model. */
export interface SiteRecords {
	series: (Series & Located)[];
	organizations: (Organization & Located)[];
	topics: (Topic & Located)[];
	events: (EventData & Located)[];
	speakers: (Speaker & Located)[];
	articles: (ArticleData & Located)[];
}
