import { redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { messageFor } from '$lib/errors';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { campaignSchema } from '$lib/schemas/campaign';
import { requireOrganiser } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import * as campaigns from '$lib/server/campaigns';
import { DomainError } from '$lib/server/errors';
import { dateToTokyoLocal, tokyoLocalToDate } from '$lib/time';
import type { Actions, PageServerLoad } from './$types';

const DAY = 24 * 60 * 60 * 1000;

/** A sensible first suggestion: from tomorrow 09:00 to two weeks later 18:00, Tokyo time. */
function suggestedPeriod(now = new Date()) {
	const day = (offset: number) =>
		dateToTokyoLocal(new Date(now.getTime() + offset * DAY)).slice(0, 10);
	return { startsAt: `${day(1)}T09:00`, endsAt: `${day(15)}T18:00` };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireOrganiser(locals, url);

	const [form, wards] = await Promise.all([
		superValidate(suggestedPeriod(), zod4(campaignSchema), { errors: false }),
		areas.listWards(actor)
	]);

	const ja = getLocale() === 'ja';
	return { form, wards: wards.map((w) => ({ code: w.code, name: ja ? w.nameJa : w.nameEn })) };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		const form = await superValidate(request, zod4(campaignSchema));
		if (!form.valid) return message(form, m.organise_form_invalid(), { status: 400 });

		const known = new Set((await areas.listWards(actor)).map((w) => w.code));
		if (!form.data.wardCodes.every((code) => known.has(code))) {
			return setError(form, 'wardCodes._errors', m.organise_error_wards());
		}

		let id: string;
		try {
			id = await campaigns.create(actor, {
				...form.data,
				startsAt: tokyoLocalToDate(form.data.startsAt) as Date,
				endsAt: tokyoLocalToDate(form.data.endsAt) as Date
			});
		} catch (failure) {
			if (failure instanceof DomainError) {
				return message(form, messageFor(failure.code), { status: 400 });
			}
			throw failure;
		}

		redirect(303, `${localizeHref(`/organise/campaigns/${id}`)}?created=1`);
	}
};
