// Service requests of Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2/): the city's
// reports, read as a visitor (row-level security shows only public data), and reports filed by
// other systems with an API key. A request's id is the report's public number; its token is the
// report's uuid.
import type { NewRequest, RequestsQuery } from '$lib/schemas/open311';
import { OPEN311_WINDOW_DAYS } from '$lib/schemas/open311';
import { asUser, type Tx } from '../db';
import { asDomainError, DomainError } from '../errors';
import { OPEN_STATUSES, placeOwner, type ReportStatus } from '../reports';
import { w3cDatetime, type Value } from './format';
import { Open311Error } from './http';
import type { Locale } from './services';

interface Row {
	id: string;
	number: number;
	status: ReportStatus;
	categoryCode: string;
	categoryJa: string;
	categoryEn: string;
	description: string;
	officeJa: string | null;
	officeEn: string | null;
	createdAt: Date;
	updatedAt: Date;
	address: string;
	lon: number;
	lat: number;
	approximate: boolean;
	mediaUrl: string | null;
	photoId: string | null;
	note: string | null;
	forwardedTo: string | null;
	duplicateOf: number | null;
}

const COLUMNS = `r.id, r.number::int as number, r.status, c.code as "categoryCode",
	c.name_ja as "categoryJa", c.name_en as "categoryEn", r.description,
	o.name_ja as "officeJa", o.name_en as "officeEn", r.created_at as "createdAt",
	r.updated_at as "updatedAt", r.address, extensions.st_x(r.location) as lon,
	extensions.st_y(r.location) as lat, r.location_approximate as approximate,
	r.media_url as "mediaUrl",
	(select rp.photo_id from public.report_photos rp
		where rp.report_id = r.id and rp.kind = 'report' order by rp.position limit 1) as "photoId",
	(select u.note from public.report_updates u
		where u.report_id = r.id and u.kind = 'status' and u.status = r.status and not u.internal
		order by u.created_at desc, u.id desc limit 1) as note,
	r.forwarded_to as "forwardedTo", d.number::int as "duplicateOf"`;

const FROM = `public.reports r
	join public.categories c on c.id = r.category_id
	left join public.offices o on o.id = r.office_id
	left join public.reports d on d.id = r.duplicate_of`;

/** The detailed status and its public note: "forwarded to 千葉県: 県道のため県へ連絡しました". */
function statusNotes(row: Row): string {
	const detail =
		row.status === 'forwarded' && row.forwardedTo
			? `forwarded to ${row.forwardedTo}`
			: row.status === 'duplicate' && row.duplicateOf
				? `duplicate of ${row.duplicateOf}`
				: row.status;
	return row.note ? `${detail}: ${row.note}` : detail;
}

/** One request in the order and with the keys of the specification's example. */
function toRequest(row: Row, locale: Locale, origin: string): Value {
	const en = locale === 'en';
	return {
		service_request_id: row.number,
		status: OPEN_STATUSES.includes(row.status) ? 'open' : 'closed',
		status_notes: statusNotes(row),
		service_name: en ? row.categoryEn : row.categoryJa,
		service_code: row.categoryCode,
		description: row.description,
		agency_responsible: (en ? row.officeEn : row.officeJa) ?? null,
		service_notice: null,
		requested_datetime: w3cDatetime(row.createdAt),
		updated_datetime: w3cDatetime(row.updatedAt),
		expected_datetime: null,
		address: row.address || null,
		address_id: null,
		zipcode: null,
		// A place known only as an address has a stand-in point: not a position to give out.
		lat: row.approximate ? null : row.lat,
		long: row.approximate ? null : row.lon,
		media_url: row.photoId ? `${origin}/photos/${row.photoId}/display` : row.mediaUrl
	};
}

/** The filters of GET requests; service_request_id, when given, overrides all others. */
function matching(tx: Tx, query: RequestsQuery, now: Date) {
	if (query.service_request_id) return tx`r.number = any (${query.service_request_id}::bigint[])`;

	const day = 86_400_000;
	const window = OPEN311_WINDOW_DAYS * day;
	// The specification's default: the last 90 days. With one date the other is 90 days away.
	const end =
		query.end_date ?? (query.start_date ? new Date(query.start_date.getTime() + window) : now);
	const start = query.start_date ?? new Date(end.getTime() - window);
	const statuses = query.status ?? ['open', 'closed'];
	const open = statuses.includes('open');
	const closed = statuses.includes('closed');

	return tx`r.created_at >= ${start} and r.created_at <= ${end}
		${query.service_code ? tx`and c.code = any (${query.service_code}::text[])` : tx``}
		${open && !closed ? tx`and r.status = any (${OPEN_STATUSES}::text[])` : tx``}
		${closed && !open ? tx`and r.status <> all (${OPEN_STATUSES}::text[])` : tx``}`;
}

/** GET requests: newest first, one page of at most `page_size`. */
export async function list(
	query: RequestsQuery,
	origin: string,
	now = new Date()
): Promise<Value[]> {
	const rows = await asUser(
		null,
		(tx) => tx<Row[]>`
		select ${tx.unsafe(COLUMNS)} from ${tx.unsafe(FROM)}
		where ${matching(tx, query, now)}
		order by r.created_at desc, r.number desc
		limit ${query.page_size} offset ${(query.page - 1) * query.page_size}`
	);
	return rows.map((row) => toRequest(row, query.locale, origin));
}

/** GET requests/{id}: the request as a list of one, or null when there is no such report. */
export async function read(
	number: number,
	locale: Locale,
	origin: string
): Promise<Value[] | null> {
	const [row] = await asUser(
		null,
		(tx) =>
			tx<Row[]>`select ${tx.unsafe(COLUMNS)} from ${tx.unsafe(FROM)} where r.number = ${number}`
	);
	return row ? [toRequest(row, locale, origin)] : null;
}

/** GET tokens/{token}: the request id a token stands for, or null. */
export async function fromToken(token: string): Promise<Value[] | null> {
	const [row] = await asUser(
		null,
		(tx) => tx<{ number: number }[]>`
		select number::int as number from public.reports where id = ${token}`
	);
	return row ? [{ service_request_id: row.number, token }] : null;
}

/** Whether an API key is active: the first check of a POST, before its body is read. */
export async function keyActive(key: string): Promise<boolean> {
	const [row] = await asUser(
		null,
		(tx) => tx<{ active: boolean }[]>`select public.open311_key_active(${key}) as active`
	);
	return row.active;
}

/**
 * POST requests: files a report for the system holding the key, channel open311, with the
 * caller's details kept for staff as phone intake keeps them. Refusals arrive as DomainError
 * (`invalid_api_key`, `unknown_category`, `outside_city`, `location_required`).
 */
export async function create(key: string, input: NewRequest): Promise<Value[]> {
	const name = [input.first_name, input.last_name].filter(Boolean).join(' ');
	const caller = { name, phone: input.phone ?? '', email: input.email ?? '' };
	const [made] = await asUser(
		null,
		(tx) => tx<{ id: string; number: number }[]>`
		select id, number::int from public.create_open311_report(${key}, ${input.service_code},
			${input.long ?? null}, ${input.lat ?? null}, ${input.address_string ?? null},
			${input.description}, ${input.media_url ?? null}, ${JSON.stringify(caller)}::text::jsonb)`
	)
		.catch(asDomainError)
		.catch(async (refusal: unknown) => {
			if (refusal instanceof DomainError && refusal.code === 'outside_city') {
				throw new Open311Error(400, await outsideCity(input.long ?? 0, input.lat ?? 0));
			}
			throw refusal;
		});
	return [
		{ service_request_id: made.number, token: made.id, service_notice: null, account_id: null }
	];
}

/** The boundary refusal, naming the neighbour that owns the place when it is known. */
async function outsideCity(lon: number, lat: number): Promise<string> {
	const owner = await placeOwner(lon, lat);
	const whose = owner.ownerEn ? `; the place belongs to ${owner.ownerEn}` : '';
	return `the location is outside the city${whose}`;
}
