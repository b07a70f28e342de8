import { error } from '@sveltejs/kit';
import { fail, message, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import {
	BLANK_MATERIAL_ROWS,
	materialsOf,
	noteSchema,
	reassignSchema,
	repairSchema,
	statusSchema,
	volunteersSchema
} from '$lib/schemas/report-work';
import type { Actor } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import { keepPhoto, readBody } from '$lib/server/photo-field';
import * as queue from '$lib/server/report-queue';
import * as work from '$lib/server/report-work';
import * as reports from '$lib/server/reports';
import { requireStaff } from '$lib/server/staff';
import { staffRefusal } from '../refusals';
import type { Actions, PageServerLoad } from './$types';

const schemas = {
	status: zod4(statusSchema),
	note: zod4(noteSchema),
	reassign: zod4(reassignSchema),
	volunteers: zod4(volunteersSchema),
	repair: zod4(repairSchema)
};

async function readReport(actor: Actor, number: string): Promise<reports.Report> {
	// Digits only: Number() would also read `0x1` or `1e0` as report 1, under a second address.
	const n = /^[1-9]\d{0,14}$/.test(number) ? Number(number) : NaN;
	const report = Number.isSafeInteger(n) ? await reports.read(actor, n) : null;
	if (!report) error(404, m.staff_report_error_report_missing());
	return report;
}

/** The repair form as recorded so far, with blank material rows to add more. */
function repairValues(repair: queue.Repair | null) {
	const rows = [...(repair?.materials ?? [])];
	const blank = Array.from({ length: BLANK_MATERIAL_ROWS }, () => '');
	return {
		completedOn: repair?.completedOn ?? '',
		cost: repair?.cost ?? null,
		crewHours: repair?.crewHours ?? null,
		materialItem: [...rows.map((row) => row.item), ...blank],
		materialQuantity: [...rows.map((row) => String(row.quantity)), ...blank],
		materialUnit: [...rows.map((row) => row.unit), ...blank]
	};
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireStaff(locals, url);
	const report = await readReport(actor, params.number);
	const [caller, repair, offices] = await Promise.all([
		queue.caller(actor, report.id),
		queue.repair(actor, report.id),
		queue.offices(actor)
	]);
	const blank = { errors: false } as const;

	return {
		report,
		caller,
		repair,
		offices,
		statusForm: await superValidate(schemas.status, { ...blank, id: 'status' }),
		noteForm: await superValidate(schemas.note, { ...blank, id: 'note' }),
		reassignForm: await superValidate(
			{ officeId: offices.find((o) => o.code === report.officeCode)?.id },
			schemas.reassign,
			{ ...blank, id: 'reassign' }
		),
		volunteersForm: await superValidate(schemas.volunteers, { ...blank, id: 'volunteers' }),
		repairForm: await superValidate(repairValues(repair), schemas.repair, {
			...blank,
			id: 'repair'
		})
	};
};

/**
 * A refusal from the database, beside the field it concerns (or above the form when it
 * concerns none). The typed values go back with it.
 */
function refuse<T extends Record<string, unknown>>(
	form: SuperValidated<T>,
	failure: unknown,
	fields: Record<string, keyof T & string>
) {
	if (!(failure instanceof DomainError)) throw failure;
	const text = staffRefusal(failure.code);
	const field = fields[failure.code];
	const errors = form.errors as Record<string, unknown>;
	// A list field (the materials) keeps its own errors under _errors, beside its rows' errors.
	if (field && Array.isArray(form.data[field])) errors[field] = { _errors: [text] };
	else if (field) errors[field] = [text];
	else errors._errors = [text];
	form.valid = false;
	return fail(failure.code === 'not_allowed' ? 403 : 400, { form });
}

export const actions: Actions = {
	status: async ({ locals, url, params, request }) => {
		const actor = requireStaff(locals, url);
		const report = await readReport(actor, params.number);
		const form = await superValidate(request, schemas.status, { id: 'status' });
		if (!form.valid) return fail(400, { form });
		const { status, publicNote, owner, originalNumber } = form.data;

		try {
			let originalId: string | null = null;
			if (status === 'duplicate' && originalNumber !== null) {
				const original = await reports.read(actor, originalNumber);
				if (!original) throw new DomainError('original_missing');
				originalId = original.id === report.id ? null : original.id;
			}
			await work.changeStatus(actor, report.id, { status, publicNote, owner, originalId });
		} catch (failure) {
			return refuse(form, failure, {
				invalid_status_change: 'status',
				public_note_required: 'publicNote',
				owner_required: 'owner',
				original_required: 'originalNumber',
				original_missing: 'originalNumber'
			});
		}
		return message(form, m.staff_report_status_changed());
	},

	note: async ({ locals, url, params, request }) => {
		const actor = requireStaff(locals, url);
		const report = await readReport(actor, params.number);
		const form = await superValidate(request, schemas.note, { id: 'note' });
		if (!form.valid) return fail(400, { form });

		try {
			await work.addNote(actor, report.id, form.data.note, form.data.visibility === 'internal');
		} catch (failure) {
			return refuse(form, failure, { note_required: 'note' });
		}
		return message(form, m.staff_report_note_added());
	},

	reassign: async ({ locals, url, params, request }) => {
		const actor = requireStaff(locals, url);
		const report = await readReport(actor, params.number);
		const form = await superValidate(request, schemas.reassign, { id: 'reassign' });
		if (!form.valid) return fail(400, { form });

		try {
			await work.assign(actor, [report.id], form.data.officeId);
		} catch (failure) {
			return refuse(form, failure, { unknown_office: 'officeId' });
		}
		return message(form, m.staff_report_reassigned());
	},

	volunteers: async ({ locals, url, params, request }) => {
		const actor = requireStaff(locals, url);
		const report = await readReport(actor, params.number);
		const form = await superValidate(request, schemas.volunteers, { id: 'volunteers' });
		if (!form.valid) return fail(400, { form });

		try {
			await work.setFitForVolunteers(actor, report.id, form.data.fit === 'yes');
		} catch (failure) {
			return refuse(form, failure, {});
		}
		return message(form, m.staff_report_volunteers_saved());
	},

	repair: async ({ locals, url, params, request }) => {
		const actor = requireStaff(locals, url);
		const report = await readReport(actor, params.number);
		const body = await readBody(request);
		if (!body) {
			// Nothing of the form could be read; with JavaScript the page keeps what was typed.
			const empty = await superValidate(schemas.repair, { id: 'repair', errors: false });
			const text = m.report_form_error_photos_too_large_together();
			return setError(empty, 'afterPhoto', text, { status: 413 });
		}
		const form = await superValidate(body, schemas.repair, { id: 'repair' });

		// Photos first, even when another field is wrong, so that none is asked for twice. The
		// files come from the body: a form that failed its schema carries no File in its data.
		for (const side of ['before', 'after'] as const) {
			const file = body.get(`${side}Photo`);
			const kept = await keepPhoto(actor, file instanceof File ? file : undefined);
			form.data[`${side}Photo`] = undefined;
			if (kept && 'id' in kept) form.data[`${side}PhotoId`] = kept.id;
			if (kept && 'error' in kept) {
				form.errors[`${side}Photo`] = [kept.error];
				form.valid = false;
			}
		}
		if (!form.valid) return fail(400, { form });

		try {
			await work.recordRepair(actor, report.id, {
				completedOn: form.data.completedOn,
				cost: form.data.cost,
				crewHours: form.data.crewHours,
				materials: materialsOf(form.data),
				beforePhotoIds: form.data.beforePhotoId ? [form.data.beforePhotoId] : [],
				afterPhotoIds: form.data.afterPhotoId ? [form.data.afterPhotoId] : []
			});
		} catch (failure) {
			return refuse(form, failure, {
				invalid_repair_date: 'completedOn',
				invalid_materials: 'materialItem',
				photo_missing: 'afterPhoto',
				too_many_photos: 'afterPhoto'
			});
		}
		form.data.beforePhotoId = '';
		form.data.afterPhotoId = '';
		return message(form, m.staff_report_repair_saved());
	}
};
