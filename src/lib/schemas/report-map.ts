import { z } from 'zod';
import { REPORT_SORTS, REPORT_STATUSES } from '../report-choices';

export { REPORT_SORTS, REPORT_STATUSES, type ReportStatus } from '../report-choices';

/** A GET form sends an empty string for a filter left at "all": that means no filter. */
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
	.refine((text) => {
		// Date() rolls 2026-02-30 over into March; a real day reads back the same.
		const date = new Date(`${text}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
	}, 'a real calendar date');

/** What the map and the list of reports can be narrowed to; every field may be left out. */
export const reportFilterSchema = z
	.object({
		category: optional(z.string().regex(/^[a-z0-9-]{1,40}$/, 'a category code')),
		status: optional(z.enum(REPORT_STATUSES)),
		ward: optional(z.string().regex(/^\d{5}$/, 'a five-digit ward code')),
		from: optional(day),
		to: optional(day)
	})
	.refine(({ from, to }) => !from || !to || from <= to, {
		message: 'from must not be after to',
		path: ['to']
	});

export type ReportFilter = z.infer<typeof reportFilterSchema>;

export const reportListSchema = z.intersection(
	reportFilterSchema,
	z.object({
		sort: optional(z.enum(REPORT_SORTS)).transform((sort) => sort ?? 'newest'),
		page: optional(z.coerce.number().int().min(1).max(100_000)).transform((page) => page ?? 1)
	})
);

export type ReportListQuery = z.infer<typeof reportListSchema>;

export const reportViewportSchema = z.intersection(
	reportFilterSchema,
	z.object({
		bbox: z
			.string({ error: 'bbox=west,south,east,north is required' })
			.transform((text) => text.split(',').map((part) => (part.trim() === '' ? NaN : Number(part))))
			.pipe(
				z
					.tuple([
						z.number().min(-180).max(180),
						z.number().min(-90).max(90),
						z.number().min(-180).max(180),
						z.number().min(-90).max(90)
					])
					.refine(([west, south, east, north]) => west < east && south < north, {
						message: 'west must be less than east and south less than north'
					})
			),
		zoom: z.coerce.number({ error: 'zoom is a whole number from 0 to 24' }).int().min(0).max(24)
	})
);

export type ReportViewportQuery = z.infer<typeof reportViewportSchema>;

/** The query parameters of a URL as a plain object (the last of a repeated name wins). */
export function queryOf(url: URL): Record<string, string> {
	return Object.fromEntries(url.searchParams);
}

/** One readable line for a 400 answer: which parameter was wrong and why. */
export function queryProblem(error: z.ZodError): string {
	return error.issues
		.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`)
		.join('; ');
}
