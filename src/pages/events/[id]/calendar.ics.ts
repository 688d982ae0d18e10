import type { APIContext } from 'astro';
import { eventCalendar } from '../../../lib/calendar';
import { pageKey, ownEntries, site } from '../../../lib/site';
import type { EventView } from '../../../lib/site-model';

export const getStaticPaths = () => ownEntries(site.events).filter((e) => e.calendarUrl).map((event) => ({ params: { id: event.id }, props: { event }, cacheKey: pageKey(event) }));

export const GET = ({ props, site: origin }: APIContext<{ event: EventView }>) =>
	new Response(eventCalendar(props.event, { origin: origin!, title: site.settings.title }), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
