import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/** The longest period the dashboard reads at once, in months (ten years). */
export const INSIGHTS_MAX_MONTHS = 120;
/** The default period: this month and the eleven before it. */
export const INSIGHTS_DEFAULT_MONTHS = 12;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The calendar month in Tokyo of a moment, as `YYYY-MM`. */
export function tokyoMonth(at: Date = new Date()): string {
	return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 7);
}

/** `YYYY-MM` moved by a number of months. */
export function addMonths(month: string, months: number): string {
	const [year, number] = month.split('-').map(Number);
	return new Date(Date.UTC(year, number - 1 + months, 1)).toISOString().slice(0, 7);
}

export function monthsBetween(from: string, to: string): number {
	const [fy, fm] = from.split('-').map(Number);
	const [ty, tm] = to.split('-').map(Number);
	return (ty - fy) * 12 + (tm - fm) + 1;
}

/** A GET form sends an empty string for a field left blank: that means "the default". */
const blank = (value: unknown) => (value === '' || value === null ? undefined : value);

const month = z.preprocess(
	blank,
	z
		.string({ error: () => m.insights_error_month() })
		.regex(MONTH, { error: () => m.insights_error_month() })
		.optional()
);

/** The dashboard's filters as typed in the address bar. */
export const insightsFilterSchema = z
	.object({
		from: month,
		to: month,
		ward: z.preprocess(
			blank,
			z
				.string()
				.regex(/^\d{5}$/)
				.optional()
				.catch(undefined)
		),
		category: z.preprocess(
			blank,
			z
				.string()
				.regex(/^[a-z0-9-]{1,40}$/)
				.optional()
				.catch(undefined)
		)
	})
	.superRefine(({ from, to }, context) => {
		if (!from || !to) return;
		if (from > to) {
			context.addIssue({ code: 'custom', path: ['to'], message: m.insights_error_order() });
		} else if (monthsBetween(from, to) > INSIGHTS_MAX_MONTHS) {
			context.addIssue({
				code: 'custom',
				path: ['from'],
				message: m.insights_error_too_long({ months: INSIGHTS_MAX_MONTHS })
			});
		}
	});

export interface InsightsQuery {
	/** What the dashboard reads: always a valid period. */
	filter: { from: string; to: string; ward: string | null; category: string | null };
	/** What the form shows: the values as typed, so that a mistake can be corrected. */
	typed: { from: string; to: string; ward: string; category: string };
	errors: { from?: string; to?: string };
}

/**
 * The filters of a dashboard address. A month that cannot be read, or a period the wrong way
 * round or too long, is reported beside its field, and the dashboard shows the default period
 * meanwhile; an unknown ward or category simply matches nothing.
 */
export function readInsightsQuery(url: URL, now: Date = new Date()): InsightsQuery {
	const raw = (name: string) => url.searchParams.get(name) ?? '';
	const typed = { from: raw('from'), to: raw('to'), ward: raw('ward'), category: raw('category') };
	const to = tokyoMonth(now);
	const defaults = { from: addMonths(to, 1 - INSIGHTS_DEFAULT_MONTHS), to };

	const parsed = insightsFilterSchema.safeParse(typed);
	if (!parsed.success) {
		const errors: InsightsQuery['errors'] = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path[0];
			if ((field === 'from' || field === 'to') && !errors[field]) errors[field] = issue.message;
		}
		const ward = /^\d{5}$/.test(typed.ward) ? typed.ward : null;
		const category = /^[a-z0-9-]{1,40}$/.test(typed.category) ? typed.category : null;
		return { filter: { ...defaults, ward, category }, typed, errors };
	}

	const { from, to: last, ward, category } = parsed.data;
	const end = last ?? (from && from > to ? from : to);
	const start = from ?? addMonths(end, 1 - INSIGHTS_DEFAULT_MONTHS);
	return {
		filter: { from: start, to: end, ward: ward ?? null, category: category ?? null },
		typed: { from: start, to: end, ward: ward ?? '', category: category ?? '' },
		errors: {}
	};
}
