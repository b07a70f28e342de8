/**
 * Slows password guessing: failed sign-ins are counted in Postgres (so every instance sees the
 * same counts), per account and per client address, over a sliding window.
 *
 * The client address is `event.getClientAddress()`. Behind a reverse proxy that is the proxy's
 * own address, which would put every person in one bucket. Two ways out:
 * - preferred: tell adapter-node which header to trust, `ADDRESS_HEADER=X-Forwarded-For` and
 *   `XFF_DEPTH=<number of proxies>`; getClientAddress() then returns the real client;
 * - or set `TRUSTED_PROXY=<number of proxies>` and this module reads X-Forwarded-For itself.
 * Never enable either without a proxy that overwrites the header: clients could pick their own
 * bucket.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { asSystem } from '$lib/server/db';

const WINDOW_MINUTES = 15;
const ACCOUNT_LIMIT = 5;
const ADDRESS_LIMIT = 20;

export interface AttemptKeys {
	account: string;
	address: string;
}

/** The account key holds a hash, so the attempts table keeps no email address. */
export function attemptKeys(email: string, address: string): AttemptKeys {
	const hashed = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
	return { account: `account:${hashed}`, address: `address:${address}` };
}

/** The address sign-in attempts are counted under; see the module comment about proxies. */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress' | 'request'>): string {
	const hops = Number(process.env.TRUSTED_PROXY);
	if (Number.isInteger(hops) && hops > 0) {
		const forwarded = (event.request.headers.get('x-forwarded-for') ?? '')
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
		// Each proxy appends the address it saw, so the one `hops` from the right was written by
		// our outermost proxy; anything left of it is whatever the client chose to send.
		const address = forwarded[forwarded.length - hops];
		if (address) return address;
	}

	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** True when the account or the address has failed too often within the window. */
export async function isSignInLimited(keys: AttemptKeys): Promise<boolean> {
	const [counts] = await asSystem(
		'count sign-in attempts',
		(tx) => tx<{ account: number; address: number }[]>`
		select
			count(*) filter (where key = ${keys.account})::int as account,
			count(*) filter (where key = ${keys.address})::int as address
		from public.sign_in_attempts
		where key in (${keys.account}, ${keys.address})
			and attempted_at > now() - make_interval(mins => ${WINDOW_MINUTES})`
	);
	return counts.account >= ACCOUNT_LIMIT || counts.address >= ADDRESS_LIMIT;
}

/** Records one failure under both keys and forgets this pair's failures older than the window. */
export async function recordSignInFailure(keys: AttemptKeys): Promise<void> {
	await asSystem('record sign-in failure', async (tx) => {
		await tx`
			delete from public.sign_in_attempts
			where key in (${keys.account}, ${keys.address})
				and attempted_at <= now() - make_interval(mins => ${WINDOW_MINUTES})`;
		await tx`
			insert into public.sign_in_attempts (key)
			values (${keys.account}), (${keys.address})`;
	});
}

/** After a success the person's own typos stop counting; the address's failures still do. */
export async function clearAccountFailures(keys: AttemptKeys): Promise<void> {
	await asSystem(
		'clear sign-in failures',
		(tx) => tx`
		delete from public.sign_in_attempts where key = ${keys.account}`
	);
}
