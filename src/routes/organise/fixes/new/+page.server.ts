import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { fixSchema, type FixForm } from '$lib/schemas/volunteer';
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
import * as reports from '$lib/server/reports';
import { volunteerRefusal } from '$lib/volunteer-messages';
import { requireFixVerifier } from '../access';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(fixSchema);

type Source = { number: number; fit: boolean; category: string } | null;

/** The report a fix is offered from (`?report=<number>`), and the form prefilled from it. */
async function fromReport(
	actor: Actor,
	param: string | null
): Promise<{ source: Source; form: SuperValidated<FixForm> }> {
	const number = Number(param);
	const report =
		param && Number.isInteger(number) && number > 0 ? await reports.read(actor, number) : null;
	if (!report) {
		return { source: null, form: await superValidate({ photoId: '' }, schema, { errors: false }) };
	}
	const category = getLocale() === 'ja' ? report.categoryJa : report.categoryEn;
	const form = await superValidate(
		{
			title: category,
			whatToDo: report.description,
			lat: report.lat,
			lon: report.lon,
			address: report.address,
			photoId: '',
			reportNumber: report.number
		},
		schema,
		{ errors: false }
	);
	return { source: { number: report.number, fit: report.fitForVolunteers, category }, form };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireFixVerifier(locals, url);
	const { source, form } = await fromReport(actor, url.searchParams.get('report'));
	return { source, form, limits: { photoMegabytes: PHOTO_MAX_MEGABYTES } };
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const actor = requireFixVerifier(locals, url);
		const body = await readBody(request);
		if (!body) {
			const empty = await superValidate({ photoId: '' }, schema, { errors: false });
			return setError(empty, 'photo', photoMessage('too_large_bytes'), { status: 413 });
		}
		const form = await superValidate(body, schema);
		await keepPhoto(actor, form);
		const report = form.data.reportNumber
			? await reports.read(actor, form.data.reportNumber)
			: null;
		// Checked with the other fields, so that one submit shows every field to fill.
		if (!report && (form.data.lat === null || form.data.lon === null) && !form.errors.lat) {
			return setError(form, 'lat', m.fix_refusal_location_required());
		}
		if (!form.valid) return fail(400, { form });

		let id: string;
		try {
			id = await fixes.createFix(actor, {
				title: form.data.title,
				whatToDo: form.data.whatToDo,
				lon: form.data.lon,
				lat: form.data.lat,
				address: form.data.address,
				difficulty: form.data.difficulty,
				tools: form.data.tools,
				photoId: await pendingPhotoId(actor, form),
				reportId: report?.id ?? null,
				claimHours: form.data.claimHours,
				points: form.data.points
			});
		} catch (cause) {
			// A report is offered once: fixes.report_id is unique.
			if ((cause as { code?: string })?.code === '23505') {
				return message(form, m.fix_error_report_offered(), { status: 409 });
			}
			if (!(cause instanceof DomainError)) throw cause;
			if (cause.code === 'outside_city' || cause.code === 'location_required') {
				return setError(form, 'lat', volunteerRefusal(cause.code));
			}
			return message(form, volunteerRefusal(cause.code), { status: 400 });
		}

		redirect(303, `${localizeHref(`/fixes/${id}`)}?created=1`);
	}
};
