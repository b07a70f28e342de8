import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { requireOrganiser } from '$lib/server/actor';
import * as assets from '$lib/server/assets';
import { DomainError } from '$lib/server/errors';
import { importMessage } from '../messages';
import type { Actions, PageServerLoad } from './$types';

interface UploadErrors {
	layer?: string;
	file?: string;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireOrganiser(locals, url);

	const layers = await assets.listLayers(actor);

	const ja = getLocale() === 'ja';
	return {
		layers: layers.map((l) => ({ code: l.code, name: ja ? l.nameJa : l.nameEn })),
		chosen: url.searchParams.get('layer') ?? ''
	};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const actor = requireOrganiser(locals, url);
		const body = await request.formData();
		const layer = String(body.get('layer') ?? '');
		const file = body.get('file');

		const errors: UploadErrors = {};
		if (!(await assets.readLayer(actor, layer))) errors.layer = m.import_error_layer();
		if (!(file instanceof File) || file.size === 0) errors.file = m.import_error_file();
		else if (file.size > assets.MAX_FILE_BYTES)
			errors.file = importMessage('import_file_too_large');
		if (errors.layer || errors.file || !(file instanceof File)) return fail(400, { layer, errors });

		let id: string;
		try {
			id = await assets.upload(actor, layer, {
				name: file.name,
				bytes: new Uint8Array(await file.arrayBuffer())
			});
		} catch (failure) {
			if (!(failure instanceof DomainError)) throw failure;
			return fail(400, { layer, errors: { file: importMessage(failure.code) } as UploadErrors });
		}
		redirect(303, localizeHref(`/organise/inventories/imports/${id}`));
	}
};
