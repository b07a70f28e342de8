import { fail } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { layerSchema } from '$lib/schemas/inventory';
import { requireOrganiser } from '$lib/server/actor';
import * as assets from '$lib/server/assets';
import { DomainError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireOrganiser(locals, url);

	const [form, layers, categories] = await Promise.all([
		superValidate(zod4(layerSchema), { errors: false }),
		assets.listLayers(actor),
		assets.listCategories(actor)
	]);

	const ja = getLocale() === 'ja';
	return {
		form,
		layers: layers.map((l) => ({
			code: l.code,
			name: ja ? l.nameJa : l.nameEn,
			count: l.assetCount
		})),
		categories: categories.map((c) => ({ code: c.code, name: ja ? c.nameJa : c.nameEn }))
	};
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		const form = await superValidate(request, zod4(layerSchema));
		if (!form.valid) return fail(400, { form });

		try {
			await assets.createLayer(actor, form.data);
		} catch (failure) {
			if (!(failure instanceof DomainError)) throw failure;
			if (failure.code === 'inventory_code_taken') {
				return setError(form, 'code', m.inventory_error_code_taken());
			}
			if (failure.code === 'inventory_unknown_category') {
				return setError(form, 'categoryCode', m.inventory_error_category());
			}
			form.message = m.inventory_error_not_allowed();
			return fail(400, { form });
		}
		return { form, created: form.data.code };
	}
};
