import type { APIContext } from 'astro';
import { speakerCalendar } from '../../../lib/calendar';
import { pageKey, ownEntries, site } from '../../../lib/site';
import type { EventView, SpeakerView } from '../../../lib/site-model';

const events = new Map(site.events.map((e) => [e.id, e]));

export const getStaticPaths = () =>
	ownEntries(site.speakers)
		.filter((s) => s.calendarUrl)
		.map((speaker) => {
			const theirs = [...new Set(speaker.talks.map((t) => events.get(t.event.id)!))];
			return { params: { id: speaker.id }, props: { speaker, events: theirs }, cacheKey: pageKey(speaker, theirs) };
		});

export const GET = ({ props, site: origin }: APIContext<{ speaker: SpeakerView; events: EventView[] }>) =>
	new Response(speakerCalendar(props.speaker, new Map(props.events.map((e) => [e.id, e])), { origin: origin!, title: site.settings.title }), {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
	});
