import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireOrganiser } from '$lib/server/actor';
import { DomainError } from '$lib/server/errors';
import * as events from '$lib/server/volunteer-events';
import { volunteerRefusal } from '$lib/volunteer-messages';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireOrganiser(locals, url);
	const event = UUID.test(params.id) ? await events.read(actor, params.id) : null;
	if (!event) error(404, m.vevent_not_found());
	return {
		event,
		attendees: await events.attendees(actor, event.id),
		started: event.startsAt.getTime() <= Date.now()
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		const actor = requireOrganiser(locals, url);
		const attended = (await request.formData()).getAll('attended').map(String);
		if (!attended.every((id) => UUID.test(id))) {
			return fail(400, { refusal: m.fix_refusal_unknown() });
		}
		try {
			const came = await events.recordAttendance(actor, params.id, attended);
			return { came };
		} catch (cause) {
			if (!(cause instanceof DomainError)) throw cause;
			return fail(400, { refusal: volunteerRefusal(cause.code) });
		}
	}
};
