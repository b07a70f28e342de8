import { asUser, type Actor } from './db';
import { asDomainError } from './errors';

export type ReportStatus =
	'received' | 'in_progress' | 'resolved' | 'forwarded' | 'duplicate' | 'closed';
export type ReportChannel = 'app' | 'phone' | 'counter' | 'open311' | 'import';

export const OPEN_STATUSES: ReportStatus[] = ['received', 'in_progress'];

export interface NewReport {
	categoryCode: string;
	/** A point (from the photo, the phone or the map), or null with a ward and an address. */
	lon: number | null;
	lat: number | null;
	wardCode: string | null;
	address: string;
	description: string;
	/** The person's pending photos, at most three, in order. */
	photoIds: string[];
	channel: 'app' | 'phone' | 'counter';
	/** A phone or counter caller's details, kept for staff only. */
	caller?: { name: string; phone: string; email: string };
	idempotencyKey: string | null;
}

/** Whose a place is: inside the city (with its ward), or the neighbour that owns it, when known. */
export interface PlaceOwner {
	insideCity: boolean;
	wardCode: string | null;
	ownerJa: string | null;
	ownerEn: string | null;
}

export interface ReportSummary {
	id: string;
	number: number;
	status: ReportStatus;
	categoryCode: string;
	categoryJa: string;
	categoryEn: string;
	wardCode: string | null;
	lon: number;
	lat: number;
	description: string;
	createdAt: Date;
	meTooCount: number;
	/** The first photo's id, for a thumbnail. */
	photoId: string | null;
}

export interface NearbyReport extends ReportSummary {
	distanceM: number;
}

export interface ReportPhoto {
	photoId: string;
	kind: 'report' | 'before' | 'after';
	position: number;
}

export interface ReportUpdate {
	id: number;
	kind: 'created' | 'status' | 'note' | 'assigned' | 'merged' | 'volunteers' | 'repair';
	status: ReportStatus | null;
	note: string;
	internal: boolean;
	detail: Record<string, unknown>;
	createdAt: Date;
}

export interface Report extends ReportSummary {
	wardJa: string | null;
	wardEn: string | null;
	officeCode: string | null;
	officeJa: string | null;
	officeEn: string | null;
	address: string;
	locationApproximate: boolean;
	channel: ReportChannel;
	/** The reporter's public nickname; null for callers and imports. */
	reporterNickname: string | null;
	duplicateOfNumber: number | null;
	forwardedTo: string | null;
	fitForVolunteers: boolean;
	followerCount: number;
	resolvedAt: Date | null;
	photos: ReportPhoto[];
	/** Public updates for everyone; staff also get internal notes. */
	timeline: ReportUpdate[];
	followedByMe: boolean;
	meTooByMe: boolean;
	reportedByMe: boolean;
}

/**
 * Files a report. The database checks the place (inside the city), the category, the photos
 * and the channel; refusals arrive as DomainError (`outside_city`, `location_required` …).
 */
export async function create(
	actor: Actor,
	input: NewReport
): Promise<{ id: string; number: number }> {
	const rows = await asUser(
		actor,
		(tx) => tx<{ id: string; number: number }[]>`
		select id, number::int from public.create_report(${input.categoryCode}, ${input.lon},
			${input.lat}, ${input.wardCode}, ${input.address}, ${input.description},
			${input.photoIds}::uuid[], ${input.channel},
			${input.caller ? JSON.stringify(input.caller) : null}::text::jsonb, ${input.idempotencyKey})`
	).catch(asDomainError);
	return rows[0];
}

/** Whose place a point is, for the message that refuses a report outside the city. */
export async function placeOwner(lon: number, lat: number): Promise<PlaceOwner> {
	const [owner] = await asUser(
		null,
		(tx) => tx<PlaceOwner[]>`
		select inside_city as "insideCity", ward_code as "wardCode", owner_ja as "ownerJa",
			owner_en as "ownerEn"
		from public.place_owner(${lon}, ${lat})`
	);
	return owner;
}

export const summaryColumns = `r.id, r.number::int as number, r.status, c.code as "categoryCode",
	c.name_ja as "categoryJa", c.name_en as "categoryEn", w.code as "wardCode",
	extensions.st_x(r.location) as lon, extensions.st_y(r.location) as lat, r.description,
	r.created_at as "createdAt", r.me_too_count as "meTooCount",
	(select rp.photo_id from public.report_photos rp
		where rp.report_id = r.id and rp.kind = 'report' order by rp.position limit 1) as "photoId"`;

/** Open reports of the category near a point, nearest first: offered before filing a duplicate. */
export async function nearby(
	actor: Actor | null,
	categoryCode: string,
	lon: number,
	lat: number
): Promise<NearbyReport[]> {
	return asUser(
		actor,
		(tx) => tx<NearbyReport[]>`
		select ${tx.unsafe(summaryColumns)}, n.distance_m as "distanceM"
		from public.nearby_reports(${categoryCode}, ${lon}, ${lat}) n
		join public.reports r on r.id = n.id
		join public.categories c on c.id = r.category_id
		left join public.areas w on w.id = r.ward_id
		order by n.distance_m`
	);
}

/** One report by its public number, with photos and the timeline the asker may read. */
export async function read(actor: Actor | null, number: number): Promise<Report | null> {
	return asUser(actor, async (tx) => {
		const [report] = await tx<Omit<Report, 'photos' | 'timeline'>[]>`
			select ${tx.unsafe(summaryColumns)}, w.name_ja as "wardJa", w.name_en as "wardEn",
				o.code as "officeCode", o.name_ja as "officeJa",
				o.name_en as "officeEn", r.address, r.location_approximate as "locationApproximate",
				r.channel, p.nickname as "reporterNickname", d.number::int as "duplicateOfNumber",
				r.forwarded_to as "forwardedTo", r.fit_for_volunteers as "fitForVolunteers",
				r.follower_count as "followerCount", r.resolved_at as "resolvedAt",
				exists (select 1 from public.report_followers f
					where f.report_id = r.id and f.user_id = (select auth.uid())) as "followedByMe",
				exists (select 1 from public.report_me_too t
					where t.report_id = r.id and t.user_id = (select auth.uid())) as "meTooByMe",
				coalesce(r.reporter_id = (select auth.uid()), false) as "reportedByMe"
			from public.reports r
			join public.categories c on c.id = r.category_id
			left join public.areas w on w.id = r.ward_id
			left join public.offices o on o.id = r.office_id
			left join public.profiles p on p.id = r.reporter_id
			left join public.reports d on d.id = r.duplicate_of
			where r.number = ${number}`;
		if (!report) return null;

		const photos = await tx<ReportPhoto[]>`
			select photo_id as "photoId", kind, position from public.report_photos
			where report_id = ${report.id} order by kind, position`;
		const timeline = await tx<ReportUpdate[]>`
			select id::int, kind, status, note, internal, detail, created_at as "createdAt"
			from public.report_updates where report_id = ${report.id} order by created_at, id`;
		return { ...report, photos, timeline };
	});
}

/** Follows or stops following a report (its status changes are then notified). */
export async function follow(actor: Actor, reportId: string, following: boolean): Promise<void> {
	await asUser(actor, (tx) => tx`select public.follow_report(${reportId}, ${following})`).catch(
		asDomainError
	);
}

/** "Me too": the person saw the same problem; it also follows the report. */
export async function meToo(actor: Actor, reportId: string): Promise<void> {
	await asUser(actor, (tx) => tx`select public.add_me_too(${reportId})`).catch(asDomainError);
}

export interface RepairMaterial {
	item: string;
	quantity: number;
	unit: string;
}

/** How a report was repaired: public data, with no personal details in it. */
export interface Repair {
	completedOn: string;
	/** Yen. */
	cost: number | null;
	crewHours: number | null;
	materials: RepairMaterial[];
}

/** The repair record of a report, or null while none is recorded. */
export async function repair(actor: Actor | null, reportId: string): Promise<Repair | null> {
	return asUser(actor, async (tx) => {
		const [record] = await tx<Omit<Repair, 'materials'>[]>`
			select to_char(completed_on, 'YYYY-MM-DD') as "completedOn", cost::float8 as cost,
				crew_hours::float8 as "crewHours"
			from public.report_repairs where report_id = ${reportId}`;
		if (!record) return null;

		const materials = await tx<RepairMaterial[]>`
			select item, quantity::float8 as quantity, unit from public.repair_materials
			where report_id = ${reportId} order by id`;
		return { ...record, materials };
	});
}

/** The reports the person filed, or follows without having filed them, newest first. */
export async function listForPerson(
	actor: Actor,
	which: 'mine' | 'followed',
	limit = 50
): Promise<ReportSummary[]> {
	return asUser(
		actor,
		(tx) => tx<ReportSummary[]>`
		select ${tx.unsafe(summaryColumns)}
		from public.reports r
		join public.categories c on c.id = r.category_id
		left join public.areas w on w.id = r.ward_id
		where ${
			which === 'mine'
				? tx`r.reporter_id = ${actor.id}`
				: tx`r.reporter_id is distinct from ${actor.id} and exists (
					select 1 from public.report_followers f where f.report_id = r.id and f.user_id = ${actor.id})`
		}
		order by r.created_at desc
		limit ${limit}`
	);
}
