import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { COORDINATE_SYSTEMS, TIME_ZONES } from '$lib/report-import-options';

// Messages are functions, called when a value fails, so the one schema answers in the language
// of whichever request is being checked. Which columns exist is checked against the file.

const column = z.string().max(200).default('');

/** The first mapping step of a past-reports import: which column holds what. */
export const reportColumnsSchema = z
	.object({
		externalId: column,
		categoryColumn: column,
		categoryCode: z.string().max(100).default(''),
		description: column,
		address: column,
		createdAt: column,
		closedAt: column,
		statusColumn: column,
		system: z.enum(COORDINATE_SYSTEMS, { error: () => m.report_import_error_system() }),
		x: column,
		y: column,
		zone: z.enum(TIME_ZONES, { error: () => m.report_import_error_zone() }),
		insideCity: z.boolean().default(false)
	})
	.superRefine((value, context) => {
		const missing = (path: string, message = m.report_import_error_column()) =>
			context.addIssue({ code: 'custom', path: [path], message });
		if (!value.externalId) missing('externalId');
		if (!value.createdAt) missing('createdAt');
		if (!value.x) missing('x');
		if (!value.y) missing('y');
		if (!value.categoryColumn && !value.categoryCode) {
			missing('categoryCode', m.report_import_error_category());
		}
	});

export type ReportColumns = z.infer<typeof reportColumnsSchema>;
