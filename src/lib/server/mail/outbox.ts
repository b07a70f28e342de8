// The mail queue. Rows are written by the database (one per notification, unless the person
// opted out of its kind); this module claims the due ones, renders each in its recipient's
// language and hands it to a transport: SMTP, or none, in which case the rendered message
// stays in the table as the dev outbox. Claims are short transactions with `for update skip
// locked`, and sending happens outside any transaction, so instances never take the same row and
// the embedded database is never held while an SMTP server answers.
import { isNotificationKind, type Locale } from '$lib/notification-kinds';
import { asSystem } from '../db';
import { DETAIL_COLUMNS, type Notification } from '../notifications';
import { renderMail, type RenderedMail } from './render';
import { signToken, tokenSecret } from './tokens';
import { siteOrigin } from './config';

/** Something that delivers a rendered message, or throws. */
export interface MailTransport {
	send(mail: RenderedMail & { messageId: string }): Promise<void>;
}

/** Tries per message before it is marked failed. */
export const MAX_ATTEMPTS = 6;
/** How long a claimed message is left to its sender before another may take it again. */
const LEASE = '10 minutes';
const BATCH = 20;

/** Minutes to wait before try number `attempts + 1`: 1, 4, 16, 64, 256. */
export function retryDelayMinutes(attempts: number): number {
	return 4 ** Math.max(0, attempts - 1);
}

interface Claimed {
	id: number;
	userId: string;
	attempts: number;
	email: string | null;
	nickname: string | null;
	locale: Locale | null;
	optedOut: boolean;
	notification: Notification;
}

export interface DeliveryCount {
	delivered: number;
	failed: number;
	cancelled: number;
}

/**
 * Delivers the mail due now, a batch at a time, until none is due. With no transport the
 * messages are kept in the outbox (state `outbox`) instead of being sent. `recipients` limits
 * it to some people's mail (specs on a database that other specs share).
 */
export async function deliverDue(
	transport: MailTransport | null,
	recipients: string[] | null = null
): Promise<DeliveryCount> {
	const count: DeliveryCount = { delivered: 0, failed: 0, cancelled: 0 };
	for (;;) {
		const batch = await claim(recipients);
		if (batch.length === 0) return count;
		for (const row of batch) count[await deliver(row, transport)] += 1;
	}
}

async function claim(recipients: string[] | null): Promise<Claimed[]> {
	return asSystem('mail-claim', async (tx) => {
		const rows = await tx<(Omit<Claimed, 'notification'> & { notificationId: number })[]>`
			with due as (
				select id from public.mail_outbox
				where state = 'pending' and next_attempt_at <= now()
					${recipients ? tx`and user_id in ${tx(recipients)}` : tx``}
				order by id limit ${BATCH}
				for update skip locked
			)
			update public.mail_outbox o
			set attempts = o.attempts + 1, next_attempt_at = now() + ${LEASE}::interval
			from due
			where o.id = due.id
			returning o.id::int, o.user_id as "userId", o.attempts, o.notification_id::int as "notificationId",
				(select u.email from auth.users u where u.id = o.user_id) as email,
				(select p.nickname from public.profiles p where p.id = o.user_id) as nickname,
				(select p.locale from public.profiles p where p.id = o.user_id) as locale,
				exists (select 1 from public.email_opt_outs x
					where x.user_id = o.user_id and x.kind = o.kind) as "optedOut"`;
		if (rows.length === 0) return [];

		const details = await tx<Notification[]>`
			select ${tx.unsafe(DETAIL_COLUMNS)} from public.notification_details
			where id in ${tx(rows.map((row) => row.notificationId))}`;
		const byId = new Map(details.map((n) => [n.id, n]));
		return rows
			.filter((row) => byId.has(row.notificationId))
			.map(({ notificationId, ...row }) => ({ ...row, notification: byId.get(notificationId)! }))
			.sort((a, b) => a.id - b.id);
	});
}

async function deliver(
	row: Claimed,
	transport: MailTransport | null
): Promise<keyof DeliveryCount> {
	const n = row.notification;
	if (row.optedOut || !row.email || !isNotificationKind(n.kind)) {
		await finish(row.id, 'cancelled', null, row.optedOut ? 'opted out' : 'no address or kind');
		return 'cancelled';
	}

	const token = signToken(await tokenSecret(), { userId: row.userId, kind: n.kind });
	const mail = renderMail(
		{ ...n, kind: n.kind },
		{ email: row.email, nickname: row.nickname ?? '', locale: row.locale ?? 'ja' },
		{ origin: siteOrigin(), token }
	);
	if (!transport) {
		await finish(row.id, 'outbox', mail, null);
		return 'delivered';
	}

	try {
		await transport.send({ ...mail, messageId: messageId(row.id) });
	} catch (error) {
		await retryLater(row, error);
		return 'failed';
	}
	await finish(row.id, 'sent', mail, null);
	return 'delivered';
}

/** The same Message-ID on every try, so a receiver can drop a copy sent twice after a crash. */
function messageId(id: number): string {
	return `<mail-${id}@${new URL(siteOrigin()).hostname}>`;
}

async function finish(
	id: number,
	state: 'sent' | 'outbox' | 'cancelled',
	mail: RenderedMail | null,
	reason: string | null
): Promise<void> {
	await asSystem(
		'mail-finish',
		(tx) => tx`
		update public.mail_outbox
		set state = ${state}, delivered_at = case when ${state} = 'cancelled' then null else now() end,
			last_error = ${reason}, recipient = ${mail?.to ?? null}, subject = ${mail?.subject ?? null},
			text_body = ${mail?.text ?? null}, html_body = ${mail?.html ?? null},
			headers = ${mail ? tx.json(mail.headers) : null}
		where id = ${id} and state = 'pending'`
	);
}

async function retryLater(row: Claimed, error: unknown): Promise<void> {
	// SMTP replies often quote the address; logs and the table never keep one.
	const reason = (error instanceof Error ? error.message : String(error))
		.replace(/[^\s<>]+@[^\s<>]+/g, '[address]')
		.slice(0, 300);
	const last = row.attempts >= MAX_ATTEMPTS;
	await asSystem(
		'mail-retry',
		(tx) => tx`
		update public.mail_outbox
		set state = ${last ? 'failed' : 'pending'}, last_error = ${reason},
			next_attempt_at = now() + make_interval(mins => ${retryDelayMinutes(row.attempts)})
		where id = ${row.id} and state = 'pending'`
	);
	console.error(
		JSON.stringify({ job: 'mail-send', mailId: row.id, attempts: row.attempts, error: reason })
	);
}
