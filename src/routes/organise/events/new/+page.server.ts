import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { eventSchema } from '$lib/schemas/volunteer';
import { requireOrganiser } from '$lib/server/actor';
import { DomainError } from '$lib/server/errors';
import * as events from '$lib/server/volunteer-events';
import { tokyoLocalToDate } from '$lib/time';
import { volunteerRefusal } from '$lib/volunteer-messages';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(eventSchema);

export const load: PageServerLoad = async ({ locals, url }) => {
	requireOrganiser(locals, url);
	return { form: await superValidate({ capacity: 10, points: 20 }, schema, { errors: false }) };
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const actor = requireOrganiser(locals, url);
		const form = await superValidate(request, schema);
		if (!form.valid) return fail(400, { form });

		let id: string;
		try {
			id = await events.create(actor, {
				...form.data,
				startsAt: tokyoLocalToDate(form.data.startsAt)!,
				endsAt: tokyoLocalToDate(form.data.endsAt)!,
				lon: null,
				lat: null
			});
		} catch (cause) {
			if (!(cause instanceof DomainError)) throw cause;
			return message(form, volunteerRefusal(cause.code), { status: 400 });
		}

		redirect(303, `${localizeHref(`/events/${id}`)}?created=1`);
	}
};
