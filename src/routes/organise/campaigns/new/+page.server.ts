import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { messageFor } from '$lib/errors';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { campaignSchema } from '$lib/schemas/campaign';
import { requireOrganiser } from '$lib/server/actor';
import * as areas from '$lib/server/areas';
import * as campaigns from '$lib/server/campaigns';
import { listLayers } from '$lib/server/assets';
import { listCategories } from '$lib/server/categories';
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

	const [form, wards, categories, layers] = await Promise.all([
		superValidate(suggestedPeriod(), zod4(campaignSchema), { errors: false }),
		areas.listWards(actor),
		listCategories(actor),
		listLayers(actor)
	]);

	const ja = getLocale() === 'ja';
	return {
		form,
		wards: wards.map((w) => ({ code: w.code, name: ja ? w.nameJa : w.nameEn })),
		categories: categories.map((c) => ({ code: c.code, name: ja ? c.nameJa : c.nameEn })),
		layers: layers.map((l) => ({ id: l.id, name: ja ? l.nameJa : l.nameEn, count: l.assetCount }))
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		const body = await request.formData();
		const form = await superValidate(body, zod4(campaignSchema));

		// A zone file is stored as soon as it arrives, like a photo, so that a form refused for
		// another reason keeps it (its id comes back in a hidden field) and never asks again.
		const file = body.get('zoneFile');
		if (form.data.areaMode === 'zone' && file instanceof File && file.size > 0) {
			try {
				const geometries = areas.zoneGeometries(new Uint8Array(await file.arrayBuffer()));
				form.data.zoneId = (
					await areas.createZone(actor, geometries, form.data.title || file.name)
				).id;
			} catch (failure) {
				if (!(failure instanceof DomainError)) throw failure;
				form.data.zoneId = undefined;
				setError(form, 'zoneId', messageFor(failure.code));
			}
		}
		const zone = form.data.zoneId ? await areas.readZone(actor, form.data.zoneId) : null;
		if (form.data.areaMode === 'zone' && !zone && !form.errors.zoneId) {
			form.data.zoneId = undefined;
			setError(form, 'zoneId', m.organise_error_zone_missing());
		}

		const [wards, categories] = await Promise.all([areas.listWards(actor), listCategories(actor)]);
		const knownWards = new Set(wards.map((w) => w.code));
		if (!form.data.wardCodes.every((code) => knownWards.has(code))) {
			setError(form, 'wardCodes._errors', m.organise_error_wards());
		}
		const knownCategories = new Set(categories.map((c) => c.code));
		if (!form.data.categoryCodes.every((code) => knownCategories.has(code))) {
			setError(form, 'categoryCodes._errors', m.organise_error_categories());
		}
		if (!form.valid) {
			form.message = m.organise_form_invalid();
			return fail(400, { form, zone });
		}

		let id: string;
		try {
			id = await campaigns.create(actor, {
				...form.data,
				startsAt: tokyoLocalToDate(form.data.startsAt) as Date,
				endsAt: tokyoLocalToDate(form.data.endsAt) as Date,
				wardCodes: form.data.areaMode === 'wards' ? form.data.wardCodes : [],
				zoneId: form.data.areaMode === 'zone' && zone ? zone.id : null,
				assetLayerId: form.data.assetLayerId ?? null,
				categoryCodes: form.data.kind === 'report_drive' ? form.data.categoryCodes : []
			});
		} catch (failure) {
			if (failure instanceof DomainError) {
				form.message = messageFor(failure.code);
				return fail(400, { form, zone });
			}
			throw failure;
		}

		redirect(303, `${localizeHref(`/organise/campaigns/${id}`)}?created=1`);
	}
};
