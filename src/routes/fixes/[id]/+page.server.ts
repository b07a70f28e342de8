import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { completionSchema, FIX_NOTE_MAX } from '$lib/schemas/volunteer';
import { actorOf, signInFirst } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import type { Actor } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import * as fixes from '$lib/server/fixes';
import {
	keepPhoto,
	pendingPhotoId,
	photoMessage,
	PHOTO_MAX_MEGABYTES,
	readBody
} from '$lib/server/form-photo';
import * as volunteers from '$lib/server/volunteers';
import { volunteerRefusal } from '$lib/volunteer-messages';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(completionSchema);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function readFix(actor: Actor | null, id: string): Promise<fixes.Fix> {
	const fix = UUID.test(id) ? await fixes.read(actor, id) : null;
	if (!fix) error(404, m.fix_not_found());
	return fix;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = actorOf(locals);
	const fix = await readFix(actor, params.id);
	const claim = actor ? await volunteers.myClaim(actor, fix.id) : null;
	const wards = await areas.listWards(actor);
	const ward = wards.find((w) => w.code === fix.wardCode);

	return {
		fix,
		ward: ward ? (getLocale() === 'ja' ? ward.nameJa : ward.nameEn) : '',
		claim,
		signedIn: !!actor,
		isVolunteer: actor?.roles.includes('volunteer') ?? false,
		form: await superValidate({ note: '', minutes: null }, schema, {
			errors: false,
			id: 'complete'
		}),
		limits: { noteLength: FIX_NOTE_MAX, photoMegabytes: PHOTO_MAX_MEGABYTES }
	};
};

/** Runs one claim step; a refusal comes back as a translated sentence, never a 500. */
async function step(work: () => Promise<unknown>, done: string) {
	try {
		await work();
	} catch (cause) {
		if (!(cause instanceof DomainError)) throw cause;
		return fail(cause.code === 'fix_taken' ? 409 : 400, { refusal: volunteerRefusal(cause.code) });
	}
	return { done };
}

export const actions: Actions = {
	claim: async ({ locals, params, url }) => {
		const actor = actorOf(locals) ?? signInFirst(url);
		return step(() => fixes.claim(actor, params.id), m.fix_claimed());
	},
	extend: async ({ locals, params, url }) => {
		const actor = actorOf(locals) ?? signInFirst(url);
		return step(() => fixes.extend(actor, params.id), m.fix_extended());
	},
	release: async ({ locals, params, url }) => {
		const actor = actorOf(locals) ?? signInFirst(url);
		return step(() => fixes.release(actor, params.id), m.fix_released());
	},
	complete: async ({ locals, params, request, url }) => {
		const actor = actorOf(locals) ?? signInFirst(url);
		const body = await readBody(request);
		if (!body) {
			const empty = await superValidate({ note: '', minutes: null }, schema, {
				errors: false,
				id: 'complete'
			});
			return setError(empty, 'photo', photoMessage('too_large_bytes'), { status: 413 });
		}
		const form = await superValidate(body, schema, { id: 'complete' });

		// The photo first, even when another field is wrong, so it is never asked for twice.
		await keepPhoto(actor, form);
		if (!form.valid) return fail(400, { form });
		const photoId = await pendingPhotoId(actor, form);
		if (!photoId) {
			form.data.photoId = '';
			return setError(form, 'photo', m.fix_refusal_after_photo_required());
		}

		try {
			await fixes.complete(actor, params.id, {
				photoId,
				note: form.data.note,
				minutes: form.data.minutes ?? 0
			});
		} catch (cause) {
			if (!(cause instanceof DomainError)) throw cause;
			if (cause.code === 'photo_missing' || cause.code === 'after_photo_required') {
				form.data.photoId = '';
				return setError(form, 'photo', volunteerRefusal(cause.code));
			}
			if (cause.code === 'invalid_minutes') {
				return setError(form, 'minutes', volunteerRefusal(cause.code));
			}
			return message(form, volunteerRefusal(cause.code), { status: 400 });
		}

		redirect(303, `${localizeHref(`/fixes/${params.id}`)}?sent=1`);
	}
};
