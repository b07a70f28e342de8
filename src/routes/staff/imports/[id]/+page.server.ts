import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { IMPORT_STATUSES, type ImportStatus } from '$lib/report-import-options';
import { reportColumnsSchema } from '$lib/schemas/report-import';
import { listCategories } from '$lib/server/assets';
import { DomainError } from '$lib/server/errors';
import * as imports from '$lib/server/report-imports';
import { importMessage, requireImporter } from '../access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireImporter(locals, url);

	const done = await imports.readReport(actor, params.id);
	if (done) return { step: 'report' as const, fileName: done.fileName, report: done.report };

	const shown = await imports.preview(actor, params.id);
	if (!shown) error(404, m.import_error_not_found());
	const ja = getLocale() === 'ja';
	const categories = (await listCategories(actor)).map((c) => ({
		code: c.code,
		name: ja ? c.nameJa : c.nameEn
	}));
	const file = {
		fileName: shown.fileName,
		encoding: shown.encoding,
		rowCount: shown.rowCount,
		categories
	};

	if (shown.choice) {
		const known = new Set(categories.map((c) => c.code));
		return {
			step: 'values' as const,
			...file,
			choice: shown.choice,
			categoryValues: shown.categoryValues.map((value) => ({
				value,
				suggested: known.has(value.trim().toLowerCase()) ? value.trim().toLowerCase() : ''
			})),
			statusValues: shown.statusValues
		};
	}

	const chosen = shown.suggested;
	const form = await superValidate(
		{
			...chosen,
			categoryColumn: chosen.categoryColumn ?? '',
			categoryCode: chosen.categoryCode ?? '',
			description: chosen.description ?? '',
			address: chosen.address ?? '',
			closedAt: chosen.closedAt ?? '',
			statusColumn: chosen.statusColumn ?? '',
			zone: chosen.zone as 'Asia/Tokyo',
			insideCity: chosen.insideCityOnly
		},
		zod4(reportColumnsSchema),
		{ errors: false }
	);
	return {
		step: 'columns' as const,
		...file,
		form,
		columns: shown.columns,
		sample: shown.sample
	};
};

export const actions: Actions = {
	columns: async ({ locals, url, request, params }) => {
		const actor = requireImporter(locals, url);
		const form = await superValidate(request, zod4(reportColumnsSchema));
		if (!form.valid) {
			form.message = m.import_error_mapping();
			return fail(400, { form });
		}

		const d = form.data;
		try {
			await imports.chooseColumns(actor, params.id, {
				externalId: d.externalId,
				categoryColumn: d.categoryColumn || null,
				categoryCode: d.categoryColumn ? null : d.categoryCode,
				description: d.description || null,
				address: d.address || null,
				createdAt: d.createdAt,
				closedAt: d.closedAt || null,
				statusColumn: d.statusColumn || null,
				system: d.system,
				x: d.x,
				y: d.y,
				zone: d.zone,
				insideCityOnly: d.insideCity
			});
		} catch (failure) {
			if (!(failure instanceof DomainError)) throw failure;
			form.message = importMessage(failure.code);
			return fail(400, { form });
		}
		redirect(303, localizeHref(`/staff/imports/${params.id}`));
	},

	back: async ({ locals, url, params }) => {
		const actor = requireImporter(locals, url);
		await imports.chooseColumns(actor, params.id, null).catch((failure: unknown) => {
			if (!(failure instanceof DomainError)) throw failure;
		});
		redirect(303, localizeHref(`/staff/imports/${params.id}`));
	},

	values: async ({ locals, url, request, params }) => {
		const actor = requireImporter(locals, url);
		const shown = await imports.preview(actor, params.id);
		if (!shown?.choice) redirect(303, localizeHref(`/staff/imports/${params.id}`));
		const body = await request.formData();
		const known = new Set((await listCategories(actor)).map((c) => c.code));

		// Fields are numbered by the values' order, which the server recomputes from the file.
		const categories: Record<string, string> = {};
		const statuses: Record<string, ImportStatus | ''> = {};
		const chosen: Record<string, string> = {};
		let invalid = false;
		shown.categoryValues.forEach((value, i) => {
			const code = String(body.get(`category-${i}`) ?? '');
			chosen[`category-${i}`] = code;
			if (code !== '' && !known.has(code)) invalid = true;
			categories[value] = code;
		});
		shown.statusValues.forEach(({ value }, i) => {
			const status = String(body.get(`status-${i}`) ?? '');
			chosen[`status-${i}`] = status;
			if (status !== '' && !IMPORT_STATUSES.includes(status as ImportStatus)) invalid = true;
			statuses[value] = status as ImportStatus | '';
		});
		if (invalid) return fail(400, { chosen, error: m.report_import_error_value() });

		try {
			await imports.runImport(
				actor,
				params.id,
				imports.mappingOf(shown.choice, categories, statuses)
			);
		} catch (failure) {
			if (!(failure instanceof DomainError)) throw failure;
			return fail(400, { chosen, error: importMessage(failure.code) });
		}
		redirect(303, localizeHref(`/staff/imports/${params.id}`));
	}
};
