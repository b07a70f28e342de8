// In-app notifications. The database writes them (triggers where each event happens); people
// only read theirs and mark them read, and row-level security keeps everyone to their own.
import { asUser, type Actor } from './db';
import type { NotificationFacts } from '$lib/notification-text';
import type { ReportStatus } from './reports';

export interface Notification extends NotificationFacts {
	id: number;
	/** For `report_status`: the new status; for `entry_moderated`: approved or rejected. */
	status: ReportStatus | 'approved' | 'rejected' | null;
	createdAt: Date;
	readAt: Date | null;
}

/** The columns of public.notification_details as a Notification. */
export const DETAIL_COLUMNS = `id::int, kind, report_number::int as "reportNumber", status, note,
	campaign_id as "campaignId", fix_id as "fixId", title, badge_name_ja as "badgeNameJa",
	badge_name_en as "badgeNameEn", rank, points, ranked, expires_at as "expiresAt",
	created_at as "createdAt", read_at as "readAt"`;

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
			select ${tx.unsafe(DETAIL_COLUMNS)} from public.notification_details
			where user_id = ${actor.id}
			order by created_at desc, id desc
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
