import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { mappingSchema } from '$lib/schemas/inventory';
import { requireOrganiser } from '$lib/server/actor';
import * as assets from '$lib/server/assets';
import { DomainError } from '$lib/server/errors';
import { importMessage } from '../../messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireOrganiser(locals, url);
	const ja = getLocale() === 'ja';
	const layerName = (layer: { nameJa: string; nameEn: string }) =>
		ja ? layer.nameJa : layer.nameEn;

	const done = await assets.readReport(actor, params.id);
	if (done) {
		return {
			step: 'report' as const,
			fileName: done.fileName,
			layer: { code: done.layer.code, name: layerName(done.layer) },
			report: done.report
		};
	}

	const shown = await assets.preview(actor, params.id);
	if (!shown) error(404, m.import_error_not_found());
	const { suggested } = shown;
	const coordinates = suggested.coordinates;
	const form = await superValidate(
		{
			id: suggested.id ?? '',
			name: suggested.name ?? '',
			coordinates: coordinates.kind,
			longitude: coordinates.kind === 'columns' ? coordinates.longitude : '',
			latitude: coordinates.kind === 'columns' ? coordinates.latitude : '',
			latlon: coordinates.kind === 'latlon' ? coordinates.column : '',
			// Chiba City's inventories are inside the city; the organiser turns the check off
			// for anything else.
			insideCity: true
		},
		zod4(mappingSchema),
		{ errors: false }
	);
	return {
		step: 'mapping' as const,
		form,
		fileName: shown.fileName,
		format: shown.format,
		encoding: shown.encoding,
		layer: { code: shown.layer.code, name: layerName(shown.layer) },
		columns: shown.columns,
		hasFeatureIds: shown.hasFeatureIds,
		sample: shown.sample,
		rowCount: shown.rowCount
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request, params }) => {
		const actor = requireOrganiser(locals, url);
		const form = await superValidate(request, zod4(mappingSchema));
		if (!form.valid) {
			form.message = m.import_error_mapping();
			return fail(400, { form });
		}

		const { id, name, coordinates, longitude, latitude, latlon, insideCity } = form.data;
		try {
			await assets.runImport(
				actor,
				params.id,
				{
					id: id || null,
					name: name || null,
					coordinates:
						coordinates === 'columns'
							? { kind: 'columns', longitude, latitude }
							: coordinates === 'latlon'
								? { kind: 'latlon', column: latlon }
								: { kind: 'geometry' }
				},
				insideCity
			);
		} catch (failure) {
			if (!(failure instanceof DomainError)) throw failure;
			form.message = importMessage(failure.code);
			return fail(400, { form });
		}
		redirect(303, localizeHref(`/organise/inventories/imports/${params.id}`));
	}
};
