import { redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { proposalRefusal } from '$lib/proposal-labels';
import { proposalSchema } from '$lib/schemas/proposal';
import { actorOf, signInFirst } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import { DomainError } from '$lib/server/errors';
import * as proposals from '$lib/server/proposals';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = actorOf(locals);
	if (!actor) signInFirst(url);

	const [form, wards] = await Promise.all([
		superValidate(zod4(proposalSchema), { errors: false }),
		areas.listWards(actor)
	]);

	const ja = getLocale() === 'ja';
	return { form, wards: wards.map((w) => ({ code: w.code, name: ja ? w.nameJa : w.nameEn })) };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const actor = actorOf(locals);
		if (!actor) signInFirst(url);
		const form = await superValidate(request, zod4(proposalSchema));
		if (!form.valid) return message(form, m.proposal_form_invalid(), { status: 400 });

		let id: string;
		try {
			id = await proposals.create(actor, {
				...form.data,
				startsOn: form.data.startsOn || null,
				endsOn: form.data.endsOn || null
			});
		} catch (failure) {
			if (failure instanceof DomainError) {
				return message(form, proposalRefusal(failure.code), { status: 400 });
			}
			throw failure;
		}

		redirect(303, `${localizeHref(`/proposals/${id}`)}?created=1`);
	}
};
