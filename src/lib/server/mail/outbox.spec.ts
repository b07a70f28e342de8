import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, type Actor } from '../db';
import * as notifications from '../notifications';
import * as work from '../report-work';
import * as reports from '../reports';
import { CHUO, createPerson, ensurePlaces, useTestDatabase } from '../testing';
import { deliverDue, MAX_ATTEMPTS, type MailTransport } from './outbox';
import * as emailChoices from './preferences';
import { smtpTransport } from './sender';
import { signToken, tokenSecret, verifyToken } from './tokens';

/** A real SMTP server in this process: it takes every message, or refuses while `refusing`. */
interface Received {
	to: string[];
	raw: string;
}
const received: Received[] = [];
let refusing = 0;
const smtp = new SMTPServer({
	disabledCommands: ['STARTTLS'],
	onAuth(auth, _session, callback) {
		if (auth.username === 'machi' && auth.password === 'secret') callback(null, { user: 'machi' });
		else callback(new Error('Invalid username or password'));
	},
	onData(stream, session, callback) {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => {
			if (refusing > 0) {
				refusing -= 1;
				const failure = new Error('Mailbox of someone@example.jp busy, try later') as Error & {
					responseCode: number;
				};
				failure.responseCode = 451;
				callback(failure);
				return;
			}
			received.push({
				to: session.envelope.rcptTo.map((r) => r.address),
				// Long header lines come folded (RFC 5322 2.2.3); unfolded, each is one line.
				raw: Buffer.concat(chunks)
					.toString('utf8')
					.replace(/\r\n[ \t]+/g, ' ')
			});
			callback();
		});
	}
});
let transport: MailTransport;

let staff: Actor;

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	staff = await createPerson(['staff']);
	await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
	const { port } = smtp.server.address() as AddressInfo;
	transport = smtpTransport(
		`smtp://machi:secret@127.0.0.1:${port}`,
		'Machi Quest <no-reply@example.jp>'
	);
});

afterAll(async () => {
	await new Promise<void>((done) => smtp.close(done));
});

async function fileReport(by: Actor): Promise<{ id: string; number: number }> {
	return reports.create(by, {
		categoryCode: 'road-damage',
		lon: CHUO.lon + Math.random() * 0.01,
		lat: CHUO.lat,
		wardCode: null,
		address: '',
		description: '歩道の段差が大きくなっています',
		photoIds: [],
		channel: 'app',
		idempotencyKey: null
	});
}

interface OutboxRow {
	id: number;
	kind: string;
	state: string;
	attempts: number;
	recipient: string | null;
	subject: string | null;
	textBody: string | null;
	htmlBody: string | null;
	headers: Record<string, string> | null;
	lastError: string | null;
}

/** The mail of one person, oldest first. */
async function mailOf(person: Actor, kind = 'report_status'): Promise<OutboxRow[]> {
	return asSystem(
		'spec-mail',
		(tx) => tx<OutboxRow[]>`
		select id::int, kind, state, attempts, recipient, subject, text_body as "textBody",
			html_body as "htmlBody", headers, last_error as "lastError"
		from public.mail_outbox where user_id = ${person.id} and kind = ${kind} order by id`
	);
}

async function emailOf(person: Actor): Promise<string> {
	const [{ email }] = await asSystem(
		'spec-mail-address',
		(tx) => tx<{ email: string }[]>`select email from auth.users where id = ${person.id}`
	);
	return email;
}

async function setLocale(person: Actor, locale: 'ja' | 'en') {
	await asSystem(
		'spec-mail-locale',
		(tx) => tx`update public.profiles set locale = ${locale} where id = ${person.id}`
	);
}

describe('the mail queue', () => {
	it('queues one mail per notification, and none of a kind the person opted out of', async () => {
		const reporter = await createPerson();
		const follower = await createPerson();
		const made = await fileReport(reporter);
		await reports.follow(follower, made.id, true);
		await emailChoices.save(follower, {
			report_status: false,
			entry_moderated: true,
			badge_earned: true,
			campaign_result: true,
			claim_expiring: true
		});

		await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: '確認します' });
		await work.changeStatus(staff, made.id, { status: 'resolved', publicNote: '直しました' });

		expect((await mailOf(reporter)).map((row) => row.state)).toEqual(['pending', 'pending']);
		expect(await mailOf(follower)).toEqual([]);
		expect((await emailChoices.read(follower)).report_status).toBe(false);
		expect((await emailChoices.read(reporter)).report_status).toBe(true);
	});

	it('keeps each message in the outbox without SMTP, in the recipient language, once', async () => {
		const reporter = await createPerson();
		await setLocale(reporter, 'en');
		const made = await fileReport(reporter);
		await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: 'On our way' });

		await deliverDue(null, [reporter.id]);
		await deliverDue(null, [reporter.id]);

		const [mail] = await mailOf(reporter);
		expect(await mailOf(reporter)).toHaveLength(1);
		expect(mail).toMatchObject({
			state: 'outbox',
			attempts: 1,
			recipient: await emailOf(reporter),
			subject: `[Machi Quest] Report #${made.number} is now "In progress"`
		});
		expect(mail.textBody).toContain('On our way');
		expect(mail.textBody).toContain(`http://localhost:3000/en/reports/${made.number}`);
		expect(mail.textBody).toMatch(/http:\/\/localhost:3000\/en\/unsubscribe\?token=[\w.-]+/);
		expect(mail.htmlBody).toContain('lang="en"');
		expect(mail.headers).toEqual({
			'List-Unsubscribe': expect.stringMatching(
				/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=[\w.-]+>$/
			),
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});
	});

	it('sends each mail once through a real SMTP server, with the unsubscribe headers, in Japanese by default', async () => {
		const reporter = await createPerson();
		const made = await fileReport(reporter);
		await work.changeStatus(staff, made.id, { status: 'resolved', publicNote: '補修しました' });
		const before = received.length;

		// Two senders at once (two instances) and a later one: each mail still goes once.
		await Promise.all([deliverDue(transport, [reporter.id]), deliverDue(transport, [reporter.id])]);
		await deliverDue(transport, [reporter.id]);

		// One mail per notification: the first-report badge and the status change, and on a
		// database shared with other specs whatever a report drive they left open adds.
		const address = await emailOf(reporter);
		const mine = received.slice(before).filter((mail) => mail.to.includes(address));
		const { total } = await notifications.list(reporter, 1, 100);
		expect(total).toBeGreaterThanOrEqual(2);
		expect(mine).toHaveLength(total);
		const [row] = await mailOf(reporter);
		expect(row.state).toBe('sent');
		const status = mine.find((mail) => mail.raw.includes(`Message-ID: <mail-${row.id}@localhost>`));
		const token =
			/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/unsubscribe\?token=([\w.-]+)>/m.exec(
				status!.raw
			)![1];
		expect(verifyToken(await tokenSecret(), token)).toEqual({
			userId: reporter.id,
			kind: 'report_status'
		});
		expect(status!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
		expect(status!.raw).toMatch(/^Content-Type: multipart\/alternative/m);
		expect(row.subject).toBe(`【まちクエスト】レポート #${made.number} が「対応済み」になりました`);
	});

	it('tries again later when the SMTP server refuses, and never keeps the address in the error', async () => {
		const reporter = await createPerson();
		const made = await fileReport(reporter);
		await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: '確認します' });
		const address = await emailOf(reporter);
		refusing = 1000;

		await deliverDue(transport, [reporter.id]);

		const [failed] = await mailOf(reporter);
		expect(failed).toMatchObject({ state: 'pending', attempts: 1 });
		expect(failed.lastError).toContain('451');
		expect(failed.lastError).not.toContain('@');
		// Not due yet: a second run leaves it alone.
		await deliverDue(transport, [reporter.id]);
		expect((await mailOf(reporter))[0].attempts).toBe(1);

		refusing = 0;
		await asSystem(
			'spec-mail-due',
			(tx) => tx`update public.mail_outbox set next_attempt_at = now() where id = ${failed.id}`
		);
		await deliverDue(transport, [reporter.id]);

		expect((await mailOf(reporter))[0]).toMatchObject({ state: 'sent', attempts: 2 });
		expect(received.filter((mail) => mail.to.includes(address))).toHaveLength(1);
	});

	it('gives up after the last attempt', async () => {
		const reporter = await createPerson();
		const made = await fileReport(reporter);
		await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: '確認します' });
		const [row] = await mailOf(reporter);
		await asSystem(
			'spec-mail-attempts',
			(tx) => tx`update public.mail_outbox set attempts = ${MAX_ATTEMPTS - 1} where id = ${row.id}`
		);
		refusing = 1000;

		await deliverDue(transport, [reporter.id]);
		refusing = 0;

		expect((await mailOf(reporter))[0]).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
	});

	it('does not send mail queued before the person unsubscribed from its kind', async () => {
		const reporter = await createPerson();
		const made = await fileReport(reporter);
		await work.changeStatus(staff, made.id, { status: 'in_progress', publicNote: '確認します' });
		const token = signToken(await tokenSecret(), { userId: reporter.id, kind: 'report_status' });

		await emailChoices.unsubscribe(verifyToken(await tokenSecret(), token)!);
		await deliverDue(transport, [reporter.id]);

		expect((await mailOf(reporter))[0].state).toBe('cancelled');
		expect((await emailChoices.read(reporter)).report_status).toBe(false);
		expect((await emailChoices.read(reporter)).badge_earned).toBe(true);
	});
});

describe('unsubscribe tokens', () => {
	const person = '6f0c3a52-3f3e-4c69-9d0e-2b1c7a0e4d11';
	const other = '0a4f5e0b-7c1d-4e55-8d7b-9a3c2e1f0b22';

	it('name the person and the kind they were made for', () => {
		const token = signToken('k'.repeat(32), { userId: person, kind: 'badge_earned' });
		expect(verifyToken('k'.repeat(32), token)).toEqual({ userId: person, kind: 'badge_earned' });
	});

	it('are refused when forged, altered, signed with another secret or malformed', () => {
		const secret = 'k'.repeat(32);
		const token = signToken(secret, { userId: person, kind: 'report_status' });
		const [, , mac] = token.split('.');

		expect(verifyToken(secret, `${other}.report_status.${mac}`)).toBeNull();
		expect(verifyToken(secret, `${person}.badge_earned.${mac}`)).toBeNull();
		expect(verifyToken('another secret', token)).toBeNull();
		expect(verifyToken(secret, `${person}.report_status.${'A'.repeat(43)}`)).toBeNull();
		expect(verifyToken(secret, `${person}.report_status.`)).toBeNull();
		expect(verifyToken(secret, `${person}.no_such_kind.${mac}`)).toBeNull();
		expect(verifyToken(secret, `${token}.extra`)).toBeNull();
		expect(verifyToken(secret, null)).toBeNull();
		expect(verifyToken(secret, 'x'.repeat(500))).toBeNull();
	});

	it('are signed with one secret per database when none is configured', async () => {
		const first = await tokenSecret();
		expect(first.length).toBeGreaterThanOrEqual(40);
		expect(await tokenSecret()).toBe(first);
	});
});
