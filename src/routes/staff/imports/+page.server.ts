import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { DomainError } from '$lib/server/errors';
import { readBody } from '$lib/server/photo-field';
import * as imports from '$lib/server/report-imports';
import { importMessage, requireImporter } from './access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireImporter(locals, url);

	return { imports: await imports.listImports(actor) };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const actor = requireImporter(locals, url);
		// An upload over the server's body limit arrives as no form at all: the same sentence.
		const body = await readBody(request);
		if (!body) return fail(413, { error: importMessage('import_file_too_large') });
		const file = body.get('file');

		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { error: importMessage('import_empty_file') });
		}
		if (file.size > imports.MAX_FILE_BYTES) {
			return fail(400, { error: importMessage('import_file_too_large') });
		}
		let id: string;
		try {
			id = await imports.upload(actor, {
				name: file.name,
				bytes: new Uint8Array(await file.arrayBuffer())
			});
		} catch (failure) {
			if (!(failure instanceof DomainError)) throw failure;
			return fail(400, { error: importMessage(failure.code) });
		}
		redirect(303, localizeHref(`/staff/imports/${id}`));
	}
};
