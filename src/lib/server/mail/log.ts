// The mail outbox as admins read it on /admin/outbox: what was sent, or, without SMTP, what
// would have been. Row-level security lets admins alone read it.
import { asUser, type Actor } from '../db';

export interface OutboxMail {
	id: number;
	kind: string;
	state: 'pending' | 'sent' | 'outbox' | 'cancelled' | 'failed';
	attempts: number;
	recipient: string | null;
	subject: string | null;
	textBody: string | null;
	headers: Record<string, string> | null;
	lastError: string | null;
	createdAt: Date;
	deliveredAt: Date | null;
}

export interface OutboxPage {
	mails: OutboxMail[];
	total: number;
}

/** The newest mail first, a page at a time (pages count from 1). */
export async function list(actor: Actor, page: number, pageSize = 20): Promise<OutboxPage> {
	const offset = (Math.max(1, Math.floor(page)) - 1) * pageSize;
	return asUser(actor, async (tx) => {
		const mails = await tx<OutboxMail[]>`
			select id::int, kind, state, attempts, recipient, subject, text_body as "textBody",
				headers, last_error as "lastError", created_at as "createdAt",
				delivered_at as "deliveredAt"
			from public.mail_outbox
			order by created_at desc, id desc
			limit ${pageSize} offset ${offset}`;
		const [{ total }] = await tx<{ total: number }[]>`
			select count(*)::int as total from public.mail_outbox`;
		return { mails, total };
	});
}
