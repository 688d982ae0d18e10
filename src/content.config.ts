import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { articleSchema, eventSchema, organizationSchema, seriesSchema, speakerSchema, topicSchema } from './schemas';

// One place that maps content/ folders to collections; the schemas live in src/schemas/.
export const collections = {
	series: defineCollection({ loader: file('content/series.yaml'), schema: seriesSchema() }),
	organizations: defineCollection({ loader: file('content/organizations.yaml'), schema: organizationSchema() }),
	topics: defineCollection({ loader: file('content/topics.yaml'), schema: topicSchema() }),
	events: defineCollection({ loader: glob({ base: 'content/events', pattern: '*.md' }), schema: eventSchema() }),
	speakers: defineCollection({ loader: glob({ base: 'content/speakers', pattern: '*.yaml' }), schema: speakerSchema() }),
	articles: defineCollection({ loader: glob({ base: 'content/articles', pattern: '*.md' }), schema: articleSchema() }),
};
