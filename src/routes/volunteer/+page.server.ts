import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { volunteerTermsSchema } from '$lib/schemas/volunteer';
import { actorOf, signInFirst } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import { DomainError } from '$lib/server/errors';
import * as fixes from '$lib/server/fixes';
import * as people from '$lib/server/people';
import * as volunteers from '$lib/server/volunteers';
import { volunteerRefusal } from '$lib/volunteer-messages';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(volunteerTermsSchema);

export const load: PageServerLoad = async ({ locals }) => {
	const actor = actorOf(locals);
	const ja = getLocale() === 'ja';
	const wards = (await areas.listWards(actor)).map((w) => ({
		code: w.code,
		name: ja ? w.nameJa : w.nameEn
	}));
	const record = actor ? await volunteers.readVolunteer(actor) : null;
	// Someone who accepted this version already need not tick it again to change their wards.
	const accepted = record?.termsVersion === fixes.TERMS_VERSION;
	const form = await superValidate(
		{ accept: accepted, wardCodes: record?.wardCodes ?? [] },
		schema,
		{ errors: false }
	);
	const terms = {
		version: fixes.TERMS_VERSION,
		acceptedAt: accepted && record ? record.acceptedAt : null
	};
	const cityTotals = await fixes.totals(actor);
	if (!actor || !record) {
		return { signedIn: !!actor, wards, form, terms, cityTotals, volunteer: null };
	}

	const [history, claims, progress] = await Promise.all([
		fixes.history(actor, actor.id),
		volunteers.heldClaims(actor),
		people.progress(actor, 1)
	]);
	return {
		signedIn: true,
		wards,
		form,
		terms,
		cityTotals,
		volunteer: { ...record, history, claims, points: progress.level.points }
	};
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const actor = actorOf(locals) ?? signInFirst(url);
		const form = await superValidate(request, schema);
		if (!form.valid) return fail(400, { form });

		const already = await volunteers.readVolunteer(actor);
		try {
			await fixes.becomeVolunteer(actor, form.data.wardCodes);
		} catch (cause) {
			if (!(cause instanceof DomainError)) throw cause;
			return message(form, volunteerRefusal(cause.code), { status: 400 });
		}
		return message(form, already ? m.volunteer_wards_saved() : m.volunteer_welcome());
	}
};
