// In-app notifications. The database writes them (a trigger on report status changes); people
// only read theirs and mark them read, and row-level security keeps everyone to their own.
import { asUser, type Actor } from './db';
import type { ReportStatus } from './reports';

export interface Notification {
	id: number;
	kind: string;
	/** The report's public number, for notifications about a report. */
	reportNumber: number | null;
	/** For `report_status`: the new status and the public note that came with it. */
	status: ReportStatus | null;
	note: string;
	createdAt: Date;
	readAt: Date | null;
}

export interface NotificationPage {
	items: Notification[];
	total: number;
	unread: number;
}

export const PAGE_SIZE = 20;

/** The person's notifications, newest first, one page at a time (pages count from 1). */
export async function list(
	actor: Actor,
	page = 1,
	pageSize = PAGE_SIZE
): Promise<NotificationPage> {
	const offset = (Math.max(1, Math.floor(page)) - 1) * pageSize;
	return asUser(actor, async (tx) => {
		const items = await tx<Notification[]>`
			select n.id::int, n.kind, coalesce(r.number::int, (n.detail ->> 'number')::int) as "reportNumber",
				n.detail ->> 'status' as status, coalesce(n.detail ->> 'note', '') as note,
				n.created_at as "createdAt", n.read_at as "readAt"
			from public.notifications n
			left join public.reports r on r.id = n.report_id
			where n.user_id = ${actor.id}
			order by n.created_at desc, n.id desc
			limit ${pageSize} offset ${offset}`;
		const [counts] = await tx<{ total: number; unread: number }[]>`
			select count(*)::int as total, (count(*) filter (where read_at is null))::int as unread
			from public.notifications where user_id = ${actor.id}`;
		return { items, ...counts };
	});
}

/** How many notifications the person has not read yet: the number in the header. */
export async function unreadCount(actor: Actor): Promise<number> {
	const [{ unread }] = await asUser(
		actor,
		(tx) => tx<{ unread: number }[]>`
		select count(*)::int as unread from public.notifications
		where user_id = ${actor.id} and read_at is null`
	);
	return unread;
}

/** Marks one notification read; another person's is left alone (RLS hides it). */
export async function markRead(actor: Actor, id: number): Promise<boolean> {
	const rows = await asUser(
		actor,
		(tx) => tx`
		update public.notifications set read_at = now()
		where id = ${id} and read_at is null returning id`
	);
	return rows.length > 0;
}

/** Marks every unread notification about one report read: the person has now seen the page. */
export async function markReportRead(actor: Actor, reportId: string): Promise<number> {
	const rows = await asUser(
		actor,
		(tx) => tx`
		update public.notifications set read_at = now()
		where user_id = ${actor.id} and report_id = ${reportId} and read_at is null returning id`
	);
	return rows.length;
}

/** Marks all the person's notifications read; returns how many were unread. */
export async function markAllRead(actor: Actor): Promise<number> {
	const rows = await asUser(
		actor,
		(tx) => tx`
		update public.notifications set read_at = now()
		where user_id = ${actor.id} and read_at is null returning id`
	);
	return rows.length;
}
