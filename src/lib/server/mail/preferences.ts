// Which notification kinds a person also gets by email. Stored as opt-outs (email is on by
// default); the account page changes them as the person (row-level security keeps everyone to
// their own), an unsubscribe link as a system job once its token is verified.
import { NOTIFICATION_KINDS, type NotificationKind } from '$lib/notification-kinds';
import { asSystem, asUser, type Actor } from '../db';
import type { TokenSubject } from './tokens';

export type EmailChoices = Record<NotificationKind, boolean>;

/** For each kind, whether the person gets it by email. */
export async function read(actor: Actor): Promise<EmailChoices> {
	const rows = await asUser(
		actor,
		(tx) => tx<{ kind: string }[]>`
		select kind from public.email_opt_outs where user_id = ${actor.id}`
	);
	const off = new Set(rows.map((row) => row.kind));
	return Object.fromEntries(
		NOTIFICATION_KINDS.map((kind) => [kind, !off.has(kind)])
	) as EmailChoices;
}

/** Saves the person's choices: an opt-out for each kind switched off, none for the others. */
export async function save(actor: Actor, choices: EmailChoices): Promise<void> {
	const off = NOTIFICATION_KINDS.filter((kind) => !choices[kind]);
	const on = NOTIFICATION_KINDS.filter((kind) => choices[kind]);
	await asUser(actor, async (tx) => {
		if (on.length > 0) {
			await tx`delete from public.email_opt_outs
				where user_id = ${actor.id} and kind in ${tx(on)}`;
		}
		for (const kind of off) {
			await tx`insert into public.email_opt_outs (user_id, kind) values (${actor.id}, ${kind})
				on conflict do nothing`;
		}
	});
}

/** One click in an email: no more mail of this kind (mail already queued is not sent). */
export async function unsubscribe(subject: TokenSubject): Promise<void> {
	await asSystem(
		'mail-unsubscribe',
		(tx) => tx`
		insert into public.email_opt_outs (user_id, kind)
		select ${subject.userId}, ${subject.kind}
		where exists (select 1 from auth.users where id = ${subject.userId})
		on conflict do nothing`
	);
}

/** Undoes an unsubscribe from the same link. */
export async function resubscribe(subject: TokenSubject): Promise<void> {
	await asSystem(
		'mail-resubscribe',
		(tx) => tx`
		delete from public.email_opt_outs where user_id = ${subject.userId} and kind = ${subject.kind}`
	);
}

/** The language a person chose at registration, for pages reached from their emails. */
export async function localeOf(userId: string): Promise<'ja' | 'en'> {
	const rows = await asSystem(
		'mail-recipient-locale',
		(tx) => tx<{ locale: 'ja' | 'en' }[]>`
		select locale from public.profiles where id = ${userId}`
	);
	return rows[0]?.locale ?? 'ja';
}
