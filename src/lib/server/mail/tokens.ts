// Unsubscribe tokens: who and which kind, with an HMAC-SHA256 of both under a server secret,
// so a link in an email unsubscribes without signing in and nobody can make one for someone
// else. The secret is MAIL_TOKEN_SECRET, or else one generated once and kept in the database
// (server_secrets), so that every instance agrees and links outlive restarts.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isNotificationKind, type NotificationKind } from '$lib/notification-kinds';
import { asSystem } from '../db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface TokenSubject {
	userId: string;
	kind: NotificationKind;
}

function mac(secret: string, userId: string, kind: string): string {
	return createHmac('sha256', secret).update(`unsubscribe\n${userId}\n${kind}`).digest('base64url');
}

/** The token for one person and kind: `<user id>.<kind>.<mac>`. */
export function signToken(secret: string, subject: TokenSubject): string {
	return `${subject.userId}.${subject.kind}.${mac(secret, subject.userId, subject.kind)}`;
}

/** Who and which kind a token names, or null when it is malformed or its MAC is wrong. */
export function verifyToken(secret: string, token: unknown): TokenSubject | null {
	if (typeof token !== 'string' || token.length > 200) return null;
	const [userId, kind, given, ...rest] = token.split('.');
	if (rest.length > 0 || !UUID.test(userId ?? '') || !isNotificationKind(kind) || !given) {
		return null;
	}
	const expected = Buffer.from(mac(secret, userId, kind));
	const actual = Buffer.from(given);
	if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
	return { userId, kind };
}

let stored: Promise<string> | null = null;

/** The secret tokens are signed with: configured, or generated once per database. */
export function tokenSecret(): Promise<string> {
	const configured = process.env.MAIL_TOKEN_SECRET?.trim();
	if (configured) return Promise.resolve(configured);

	stored ??= asSystem('mail-token-secret', async (tx) => {
		await tx`insert into public.server_secrets (name, value)
			values ('unsubscribe_token', ${randomBytes(32).toString('base64url')})
			on conflict (name) do nothing`;
		const [{ value }] = await tx<{ value: string }[]>`
			select value from public.server_secrets where name = 'unsubscribe_token'`;
		return value;
	}).catch((error: unknown) => {
		stored = null;
		throw error;
	});
	return stored;
}
