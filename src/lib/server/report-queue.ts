// The staff's view of reports: the work queue with its filters, and what only staff read about
// one report (the caller, the repair record). Reads run as the staff member, so row-level
// security decides again what comes back.
import { asUser, type Actor } from './db';
import { OPEN_STATUSES, type ReportChannel, type ReportStatus } from './reports';

export const QUEUE_PAGE_SIZE = 50;

/** `open` is received and in progress together: what still needs work. */
export type QueueStatus = ReportStatus | 'open' | 'all';
export type QueueSort = 'oldest' | 'newest';

export interface QueueFilter {
	officeCode: string | null;
	categoryCode: string | null;
	wardCode: string | null;
	status: QueueStatus;
	/** Only reports older than this many days. */
	olderThanDays: number | null;
	sort: QueueSort;
	page: number;
}

export interface QueueRow {
	id: string;
	number: number;
	status: ReportStatus;
	categoryJa: string;
	categoryEn: string;
	wardJa: string | null;
	wardEn: string | null;
	officeJa: string | null;
	officeEn: string | null;
	channel: ReportChannel;
	meTooCount: number;
	ageDays: number;
	createdAt: Date;
}

export interface QueuePage {
	rows: QueueRow[];
	total: number;
	page: number;
	pageCount: number;
}

export interface Office {
	id: number;
	code: string;
	nameJa: string;
	nameEn: string;
}

export interface Caller {
	name: string;
	phone: string;
	email: string;
	takenByNickname: string | null;
	/** The picture another system linked to with an Open311 request (`media_url`). */
	mediaUrl: string | null;
}

export interface Repair {
	completedOn: string;
	cost: number | null;
	crewHours: number | null;
	materials: { item: string; quantity: number; unit: string }[];
}

function statusesOf(status: QueueStatus): ReportStatus[] | null {
	if (status === 'all') return null;
	return status === 'open' ? OPEN_STATUSES : [status];
}

/**
 * One page of the queue. Every filter is a column the reports' indexes lead with (status,
 * office, category, ward, created_at), and the total comes from the same scan as the page.
 */
export async function list(actor: Actor, filter: QueueFilter): Promise<QueuePage> {
	const statuses = statusesOf(filter.status);
	const page = Math.max(1, Math.floor(filter.page));
	const rows = await asUser(
		actor,
		(tx) => tx<(QueueRow & { total: number })[]>`
		select r.id, r.number::int as number, r.status, c.name_ja as "categoryJa",
			c.name_en as "categoryEn", w.name_ja as "wardJa", w.name_en as "wardEn",
			o.name_ja as "officeJa", o.name_en as "officeEn", r.channel,
			r.me_too_count as "meTooCount", r.created_at as "createdAt",
			floor(extract(epoch from now() - r.created_at) / 86400)::int as "ageDays",
			count(*) over ()::int as total
		from public.reports r
		join public.categories c on c.id = r.category_id
		left join public.areas w on w.id = r.ward_id
		left join public.offices o on o.id = r.office_id
		where (${statuses}::text[] is null or r.status = any (${statuses}::text[]))
			and (${filter.officeCode}::text is null
				or r.office_id = (select id from public.offices where code = ${filter.officeCode}))
			and (${filter.categoryCode}::text is null
				or r.category_id = (select id from public.categories where code = ${filter.categoryCode}))
			and (${filter.wardCode}::text is null or r.ward_id = (select id from public.areas
				where kind = 'ward' and code = ${filter.wardCode}))
			and (${filter.olderThanDays}::int is null
				or r.created_at < now() - make_interval(days => ${filter.olderThanDays}::int))
		order by ${filter.sort === 'newest' ? tx`r.created_at desc, r.number desc` : tx`r.created_at, r.number`}
		limit ${QUEUE_PAGE_SIZE} offset ${(page - 1) * QUEUE_PAGE_SIZE}`
	);

	const total = rows[0]?.total ?? (page > 1 ? await count(actor, filter) : 0);
	return {
		rows,
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE))
	};
}

/** The total alone, for a page past the end (which has no row to carry it). */
async function count(actor: Actor, filter: QueueFilter): Promise<number> {
	const { total } = await list(actor, { ...filter, page: 1 });
	return total;
}

/** The offices reports can be assigned to, by Japanese name. */
export async function offices(actor: Actor): Promise<Office[]> {
	return asUser(
		actor,
		(tx) => tx<Office[]>`
		select id::int, code, name_ja as "nameJa", name_en as "nameEn"
		from public.offices order by code`
	);
}

/** The caller of a phone or counter report and who took the call; null for app reports. */
export async function caller(actor: Actor, reportId: string): Promise<Caller | null> {
	const rows = await asUser(
		actor,
		(tx) => tx<Caller[]>`
		select rc.caller_name as name, rc.caller_phone as phone, rc.caller_email as email,
			p.nickname as "takenByNickname", r.media_url as "mediaUrl"
		from public.report_contacts rc left join public.profiles p on p.id = rc.taken_by
		join public.reports r on r.id = rc.report_id
		where rc.report_id = ${reportId}`
	);
	return rows[0] ?? null;
}

/** The repair record of a report, with its materials in the order they were typed. */
export async function repair(actor: Actor, reportId: string): Promise<Repair | null> {
	return asUser(actor, async (tx) => {
		const [record] = await tx<Omit<Repair, 'materials'>[]>`
			select to_char(completed_on, 'YYYY-MM-DD') as "completedOn", cost::float8 as cost,
				crew_hours::float8 as "crewHours"
			from public.report_repairs where report_id = ${reportId}`;
		if (!record) return null;
		const materials = await tx<Repair['materials']>`
			select item, quantity::float8 as quantity, unit from public.repair_materials
			where report_id = ${reportId} order by id`;
		return { ...record, materials };
	});
}
