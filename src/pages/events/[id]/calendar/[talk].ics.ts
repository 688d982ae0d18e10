import type { APIContext } from 'astro';
import { talkCalendar } from '../../../../lib/calendar';
import { pageKey, ownEntries, site } from '../../../../lib/site';
import type { EventView, TalkView } from '../../../../lib/site-model';

export const getStaticPaths = () =>
	ownEntries(site.events).flatMap((event) =>
		event.agenda.flatMap((talk) => (talk.calendarKey ? [{ params: { id: event.id, talk: talk.calendarKey }, props: { event, talk }, cacheKey: pageKey(event, talk) }] : [])),
	);

export const GET = ({ props, site: origin }: APIContext<{ event: EventView; talk: TalkView }>) =>
	new Response(talkCalendar(props.event, props.talk, { origin: origin!, title: site.settings.title }), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
