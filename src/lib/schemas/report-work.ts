import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { isDay } from './proposal';
import { oneCharacterBreaks } from './report';

// Messages are functions, called when a value fails, so that one schema answers in the
// language of whichever request is being checked.

export const NOTE_MAX_LENGTH = 4000;
export const STATUS_CHOICES = [
	'in_progress',
	'resolved',
	'forwarded',
	'duplicate',
	'closed'
] as const;
export const QUEUE_STATUSES = [
	'open',
	'received',
	'in_progress',
	'resolved',
	'forwarded',
	'duplicate',
	'closed',
	'all'
] as const;
export const QUEUE_AGES = [1, 7, 30] as const;
/** Blank material rows below the recorded ones, so that a form without JavaScript can add some. */
export const BLANK_MATERIAL_ROWS = 3;
/** Material quantities stay below this: the repair record keeps nine digits before the point. */
export const QUANTITY_LIMIT = 1_000_000_000;

const code = z.string().regex(/^[a-z0-9-]{1,40}$/);
const uuidOrEmpty = z.string().refine((id) => id === '' || z.uuid().safeParse(id).success, {
	error: () => m.photo_error_missing()
});

/** The queue's filters from the address bar; anything unreadable falls back to its default. */
export const queueFilterSchema = z.object({
	office: code.nullable().catch(null),
	category: code.nullable().catch(null),
	ward: z
		.string()
		.regex(/^\d{5}$/)
		.nullable()
		.catch(null),
	status: z.enum(QUEUE_STATUSES).catch('open'),
	age: z.coerce
		.number()
		.pipe(z.union(QUEUE_AGES.map((days) => z.literal(days))))
		.nullable()
		.catch(null),
	sort: z.enum(['oldest', 'newest']).catch('oldest'),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

const officeId = z
	.number({ error: () => m.staff_report_error_office() })
	.int({ error: () => m.staff_report_error_office() })
	.positive({ error: () => m.staff_report_error_office() });

/** Bulk assignment from the queue: the ticked reports and the office they go to. */
export const assignSchema = z.object({
	reportIds: z.array(z.uuid()).min(1, { error: () => m.staff_report_error_none_ticked() }),
	officeId
});

const publicNote = z
	.string()
	.overwrite(oneCharacterBreaks)
	.trim()
	.min(1, { error: () => m.staff_report_error_public_note_required() })
	.max(NOTE_MAX_LENGTH, { error: () => m.staff_report_error_note_long({ max: NOTE_MAX_LENGTH }) });

/** A status change: always with a public note; an owner when forwarded, the original when a duplicate. */
export const statusSchema = z
	.object({
		status: z.enum(STATUS_CHOICES, { error: () => m.staff_report_error_status() }),
		publicNote,
		owner: z
			.string()
			.trim()
			.max(200, { error: () => m.staff_report_error_owner_long() })
			.default(''),
		originalNumber: z
			.number({ error: () => m.staff_report_error_original_required() })
			.int({ error: () => m.staff_report_error_original_required() })
			.positive({ error: () => m.staff_report_error_original_required() })
			.nullable()
	})
	.superRefine((value, context) => {
		if (value.status === 'forwarded' && value.owner === '') {
			context.addIssue({
				code: 'custom',
				path: ['owner'],
				message: m.staff_report_error_owner_required()
			});
		}
		if (value.status === 'duplicate' && value.originalNumber === null) {
			context.addIssue({
				code: 'custom',
				path: ['originalNumber'],
				message: m.staff_report_error_original_required()
			});
		}
	});

/** A note on the timeline, public or for staff only. */
export const noteSchema = z.object({
	note: z
		.string()
		.overwrite(oneCharacterBreaks)
		.trim()
		.min(1, { error: () => m.staff_report_error_note_required() })
		.max(NOTE_MAX_LENGTH, {
			error: () => m.staff_report_error_note_long({ max: NOTE_MAX_LENGTH })
		}),
	visibility: z.enum(['internal', 'public']).default('internal')
});

export const reassignSchema = z.object({ officeId });

export const volunteersSchema = z.object({ fit: z.enum(['yes', 'no']) });

/**
 * The repair record. Materials come as three parallel lists (item, quantity, unit), one entry
 * per table row, because a form without JavaScript can only send repeated plain fields; rows
 * left wholly blank are ignored.
 */
export const repairSchema = z
	.object({
		completedOn: z
			.string()
			.trim()
			.refine(isDay, { error: () => m.staff_report_error_repair_date() }),
		cost: z
			.number({ error: () => m.staff_report_error_cost() })
			.int({ error: () => m.staff_report_error_cost() })
			.min(0, { error: () => m.staff_report_error_cost() })
			.max(999_999_999_999, { error: () => m.staff_report_error_cost() })
			.nullable(),
		crewHours: z
			.number({ error: () => m.staff_report_error_hours() })
			.min(0, { error: () => m.staff_report_error_hours() })
			.max(99_999, { error: () => m.staff_report_error_hours() })
			.nullable(),
		materialItem: z.array(z.string().trim()).default([]),
		materialQuantity: z.array(z.string().trim()).default([]),
		materialUnit: z.array(z.string().trim()).default([]),
		beforePhoto: z.file().optional(),
		beforePhotoId: uuidOrEmpty.default(''),
		afterPhoto: z.file().optional(),
		afterPhotoId: uuidOrEmpty.default('')
	})
	.superRefine((value, context) => {
		value.materialItem.forEach((item, row) => {
			const quantity = value.materialQuantity[row] ?? '';
			const unit = value.materialUnit[row] ?? '';
			if (item === '' && quantity === '' && unit === '') return;
			if (item === '' || item.length > 100) {
				context.addIssue({
					code: 'custom',
					path: ['materialItem', row],
					message: m.staff_report_error_material_item()
				});
			}
			if (!isQuantity(quantity)) {
				context.addIssue({
					code: 'custom',
					path: ['materialQuantity', row],
					message: m.staff_report_error_material_quantity()
				});
			}
			if (unit === '' || unit.length > 20) {
				context.addIssue({
					code: 'custom',
					path: ['materialUnit', row],
					message: m.staff_report_error_material_unit()
				});
			}
		});
	});

/**
 * A material quantity the repair record can hold (numeric(12, 3), above 0): from 0.001 up to
 * below a billion. The database would refuse anything else with an error, not a sentence.
 */
function isQuantity(text: string): boolean {
	const quantity = Number(text);
	return Number.isFinite(quantity) && quantity >= 0.001 && quantity < QUANTITY_LIMIT;
}

export type RepairForm = z.infer<typeof repairSchema>;

/** The filled rows of the materials table, as the repair record stores them. */
export function materialsOf(form: RepairForm): { item: string; quantity: number; unit: string }[] {
	return form.materialItem
		.map((item, row) => ({
			item,
			quantity: Number(form.materialQuantity[row] ?? ''),
			unit: form.materialUnit[row] ?? ''
		}))
		.filter((material) => material.item !== '' || material.unit !== '');
}
