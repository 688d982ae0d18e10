/** One place for every URL the site links to, so routes and links cannot drift apart. */
export const urls = {
	home: () => '/',
	events: () => '/events/',
	event: (id: string) => `/events/${id}/`,
	speakers: () => '/speakers/',
	speaker: (id: string) => `/speakers/${id}/`,
	articles: () => '/articles/',
	article: (id: string) => `/articles/${id}/`,
	topics: () => '/topics/',
	topic: (id: string) => `/topics/${id}/`,
	series: (id: string) => `/series/${id}/`,
	/** RSS feeds: all articles, an event's, a speaker's. */
	siteFeed: () => '/rss.xml',
	eventFeed: (id: string) => `/events/${id}/rss.xml`,
	speakerFeed: (id: string) => `/speakers/${id}/rss.xml`,
	/** An event's articles as one BibTeX file. */
	eventBib: (id: string) => `/events/${id}/citations.bib`,
};
