import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf, signInFirst } from '$lib/server/actor';
import { DomainError } from '$lib/server/errors';
import * as events from '$lib/server/volunteer-events';
import { volunteerRefusal } from '$lib/volunteer-messages';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = actorOf(locals);
	const event = UUID.test(params.id) ? await events.read(actor, params.id) : null;
	if (!event) error(404, m.vevent_not_found());
	return {
		event,
		signedIn: !!actor,
		isVolunteer: actor?.roles.includes('volunteer') ?? false,
		isOrganiser: actor?.roles.includes('organiser') ?? false,
		started: event.startsAt.getTime() <= Date.now()
	};
};

async function step(work: () => Promise<unknown>) {
	try {
		await work();
		return null;
	} catch (cause) {
		if (!(cause instanceof DomainError)) throw cause;
		return fail(cause.code === 'event_closed' ? 409 : 400, {
			refusal: volunteerRefusal(cause.code)
		});
	}
}

export const actions: Actions = {
	signUp: async ({ locals, params, url }) => {
		const actor = actorOf(locals) ?? signInFirst(url);
		let placed: 'confirmed' | 'waiting' = 'confirmed';
		const refused = await step(async () => (placed = await events.signUp(actor, params.id)));
		return refused ?? { placed };
	},
	cancel: async ({ locals, params, url }) => {
		const actor = actorOf(locals) ?? signInFirst(url);
		return (await step(() => events.cancel(actor, params.id))) ?? { cancelled: true };
	}
};
