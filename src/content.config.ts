import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { contentPath } from './lib/content-root';
import { markdownFiles } from './markdown/file-loader';
import { articleSchema, eventSchema, organizationSchema, seriesSchema, speakerSchema, topicSchema } from './schemas';

// One place that maps content/ folders to collections; the schemas live in src/schemas/.
// Events and articles are Markdown: their bodies are rendered by the pages that show them.
export const collections = {
	series: defineCollection({ loader: file(contentPath('series.yaml')), schema: seriesSchema() }),
	organizations: defineCollection({ loader: file(contentPath('organizations.yaml')), schema: organizationSchema() }),
	topics: defineCollection({ loader: file(contentPath('topics.yaml')), schema: topicSchema() }),
	events: defineCollection({ loader: markdownFiles({ base: contentPath('events') }), schema: eventSchema() }),
	speakers: defineCollection({ loader: glob({ base: contentPath('speakers'), pattern: '*.yaml' }), schema: speakerSchema() }),
	articles: defineCollection({ loader: markdownFiles({ base: contentPath('articles') }), schema: articleSchema() }),
};
