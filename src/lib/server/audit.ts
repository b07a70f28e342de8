import { asUser, type Actor } from './db';

export interface AuditLine {
	id: string;
	at: Date;
	/** Null when the account no longer exists or the line was written by the system. */
	actorId: string | null;
	actorNickname: string | null;
	action: string;
	targetType: 'campaign' | 'entry';
	targetId: string;
	details: Record<string, unknown>;
}

export interface AuditPage {
	lines: AuditLine[];
	page: number;
	pageCount: number;
	total: number;
}

/**
 * The audit log, newest first, one page at a time. Row-level security lets admins alone read
 * it: anyone else gets an empty page.
 */
export async function list(actor: Actor, page = 1, pageSize = 50): Promise<AuditPage> {
	return asUser(actor, async (tx) => {
		const [{ total }] = await tx<{ total: number }[]>`
			select count(*)::int as total from public.audit_log`;
		const pageCount = Math.max(1, Math.ceil(total / pageSize));
		const current = Math.min(Math.max(1, page), pageCount);
		const lines = await tx<AuditLine[]>`
			select a.id::text, a.at, a.actor_id as "actorId", p.nickname as "actorNickname", a.action,
				a.target_type as "targetType", a.target_id as "targetId", a.details
			from public.audit_log a left join public.profiles p on p.id = a.actor_id
			order by a.at desc, a.id desc
			limit ${pageSize} offset ${(current - 1) * pageSize}`;
		return { lines, page: current, pageCount, total };
	});
}
