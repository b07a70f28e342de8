// Parameters of Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2/). The answers are
// read by other systems, so the messages are English sentences, not message keys. The
// specification's rule that an empty parameter counts as absent is applied once, in `present`.
import { z } from 'zod';
import { oneCharacterBreaks, REPORT_ADDRESS_MAX_LENGTH } from './report';

/** The specification's limit on a request's description. */
export const OPEN311_DESCRIPTION_MAX_LENGTH = 4000;
/** At most this many requests per answer: the specification's "first 1,000". */
export const OPEN311_PAGE_SIZE_MAX = 1000;
/** Beyond this a page could only be empty; the bound keeps the offset a safe integer. */
export const OPEN311_PAGE_MAX = 1_000_000;
/** A search without dates covers this many days back; a search with dates spans at most this. */
export const OPEN311_WINDOW_DAYS = 90;

/** The parameters that have a value: "an empty parameter counts as absent". */
export function present(params: Iterable<[string, string]>): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of params) {
		if (value.trim() !== '' && !(name in result)) result[name] = value.trim();
	}
	return result;
}

/** One readable line for a 400 answer: which parameter was wrong and why. */
export function problem(error: z.ZodError): string {
	return error.issues
		.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
		.join('; ');
}

// W3C datetimes (https://www.w3.org/TR/NOTE-datetime): a date, or a date and time with an
// optional zone; without a zone the time is Japan's.
const W3C =
	/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function parseW3c(text: string): Date | null {
	const match = W3C.exec(text);
	if (!match) return null;
	const [, y, mo, d, h = '00', mi = '00', s = '00', zone = '+09:00'] = match;
	const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
	// 2026-02-30 parses to 2 March: refuse what does not read back as written.
	const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
	const valid = day.getUTCMonth() === Number(mo) - 1 && day.getUTCDate() === Number(d);
	return valid && !Number.isNaN(date.getTime()) && inRange(date) ? date : null;
}

/** Years the database can take, with room for the default window's 90 days either side. */
const inRange = (date: Date) => date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 9000;

const w3cDatetime = z.string().transform((text, context) => {
	const date = parseW3c(text);
	if (!date) {
		context.addIssue({
			code: 'custom',
			message: 'not a W3C datetime from 1900 to 9000, such as 2026-12-04T09:00:00+09:00'
		});
		return z.NEVER;
	}
	return date;
});

/** "can be declared multiple times, comma delimited" */
function commaList<T extends z.ZodType<unknown, string>>(item: T, max: number) {
	return z
		.string()
		.transform((text) =>
			text
				.split(',')
				.map((part) => part.trim())
				.filter((part) => part !== '')
		)
		.pipe(
			z
				.array(item)
				.min(1)
				.max(max, { message: `at most ${max} values` })
		);
}

const positiveInteger = (name: string) =>
	z
		.string()
		.regex(/^[0-9]{1,15}$/, { message: `${name} must be a positive whole number` })
		.transform(Number)
		.refine((n) => n >= 1, { message: `${name} must be 1 or more` });

/** GET requests.{format}: the filters of the specification, plus paging. */
export const requestsQuerySchema = z
	.object({
		service_request_id: commaList(
			positiveInteger('service_request_id'),
			OPEN311_PAGE_SIZE_MAX
		).optional(),
		service_code: commaList(z.string().max(100), 100).optional(),
		status: commaList(
			z.enum(['open', 'closed'], { message: 'status is open or closed' }),
			2
		).optional(),
		start_date: w3cDatetime.optional(),
		end_date: w3cDatetime.optional(),
		page: positiveInteger('page')
			.refine((n) => n <= OPEN311_PAGE_MAX, { message: `page is at most ${OPEN311_PAGE_MAX}` })
			.default(1),
		page_size: positiveInteger('page_size')
			.refine((n) => n <= OPEN311_PAGE_SIZE_MAX, {
				message: `page_size is at most ${OPEN311_PAGE_SIZE_MAX}`
			})
			.default(OPEN311_PAGE_SIZE_MAX),
		locale: z.enum(['ja', 'en'], { message: 'locale is ja or en' }).default('ja')
	})
	.refine((q) => !q.start_date || !q.end_date || q.start_date <= q.end_date, {
		message: 'start_date is after end_date',
		path: ['start_date']
	})
	.refine(
		(q) =>
			!q.start_date ||
			!q.end_date ||
			q.end_date.getTime() - q.start_date.getTime() <= OPEN311_WINDOW_DAYS * 86_400_000,
		{
			message: `start_date and end_date span more than ${OPEN311_WINDOW_DAYS} days`,
			path: ['end_date']
		}
	);
export type RequestsQuery = z.infer<typeof requestsQuerySchema>;

/** The language of names and notes, for the endpoints that take no other parameter. */
export const localeQuerySchema = z.object({
	locale: z.enum(['ja', 'en'], { message: 'locale is ja or en' }).default('ja')
});

const coordinate = (name: string, limit: number) =>
	z
		.string()
		.regex(/^[+-]?\d{1,3}(\.\d+)?$/, { message: `${name} must be a decimal number of degrees` })
		.transform(Number)
		.refine((n) => Math.abs(n) <= limit, { message: `${name} is out of range` });

/**
 * POST requests.{format}. The api_key is checked before this (a missing or bad key is a 403);
 * attributes, device_id, account_id and jurisdiction_id are accepted and not kept.
 */
export const newRequestSchema = z
	.object({
		service_code: z.string({ message: 'service_code is required' }).max(100),
		lat: coordinate('lat', 90).optional(),
		long: coordinate('long', 180).optional(),
		address_string: z
			.string()
			.max(REPORT_ADDRESS_MAX_LENGTH, {
				message: `address_string is at most ${REPORT_ADDRESS_MAX_LENGTH} characters`
			})
			.optional(),
		address_id: z.string().optional(),
		description: z
			.string({ message: 'description is required' })
			.transform(oneCharacterBreaks)
			.refine((text) => [...text].length <= OPEN311_DESCRIPTION_MAX_LENGTH, {
				message: `description is at most ${OPEN311_DESCRIPTION_MAX_LENGTH} characters`
			}),
		media_url: z
			.url({ protocol: /^https?$/, message: 'media_url must be an http or https URL' })
			.max(2000, { message: 'media_url is at most 2000 characters' })
			.optional(),
		email: z.email({ message: 'email is not an email address' }).max(200).optional(),
		first_name: z.string().max(50, { message: 'first_name is at most 50 characters' }).optional(),
		last_name: z.string().max(49, { message: 'last_name is at most 49 characters' }).optional(),
		phone: z.string().max(40, { message: 'phone is at most 40 characters' }).optional()
	})
	.refine((r) => (r.lat === undefined) === (r.long === undefined), {
		message: 'lat and long go together',
		path: ['long']
	})
	.refine((r) => r.lat !== undefined || r.address_string !== undefined, {
		message:
			'a location is required: lat and long, or address_string (address_id is not supported)',
		path: ['lat']
	});
export type NewRequest = z.infer<typeof newRequestSchema>;
