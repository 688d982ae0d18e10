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
};
