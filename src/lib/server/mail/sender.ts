// The sender in the server process: every few seconds it warns holders of claims about to
// expire (once a minute) and delivers the mail that is due. It keeps no state of its own: a
// restart, or a second instance, picks up where the table says.
import nodemailer from 'nodemailer';
import { asSystem } from '../db';
import { mailFrom, pollInterval, smtpUrl } from './config';
import { deliverDue, type MailTransport } from './outbox';

const CLAIM_CHECK_MS = 60_000;

/** A transport that hands messages to the SMTP server at `url` (smtp:// or smtps://). */
export function smtpTransport(url: string, from: string = mailFrom()): MailTransport {
	const transporter = nodemailer.createTransport(url);
	return {
		async send(mail) {
			await transporter.sendMail({
				from,
				to: mail.to,
				subject: mail.subject,
				text: mail.text,
				html: mail.html,
				headers: mail.headers,
				messageId: mail.messageId
			});
		}
	};
}

/** Writes a claim_expiring notification for each claim that has become due; returns how many. */
export async function notifyExpiringClaims(): Promise<number> {
	const [{ warned }] = await asSystem(
		'mail-claims-expiring',
		(tx) => tx<{ warned: number }[]>`select public.notify_expiring_claims() as warned`
	);
	return warned;
}

/** Starts the loop; returns a function that stops it. */
export function startMailSender(): () => void {
	const url = smtpUrl();
	const transport = url ? smtpTransport(url) : null;
	let running = false;
	let lastClaimCheck = 0;

	const tick = async () => {
		if (running) return;
		running = true;
		try {
			if (Date.now() - lastClaimCheck >= CLAIM_CHECK_MS) {
				lastClaimCheck = Date.now();
				await notifyExpiringClaims();
			}
			const count = await deliverDue(transport);
			if (count.delivered + count.failed + count.cancelled > 0) {
				console.log(
					JSON.stringify({ job: 'mail-deliver', transport: url ? 'smtp' : 'outbox', ...count })
				);
			}
		} catch (error) {
			console.error(
				JSON.stringify({
					job: 'mail-deliver',
					error: error instanceof Error ? error.message : String(error)
				})
			);
		} finally {
			running = false;
		}
	};

	const timer = setInterval(() => void tick(), pollInterval());
	timer.unref();
	const stop = () => clearInterval(timer);
	process.once('sveltekit:shutdown', stop);
	console.log(JSON.stringify({ job: 'mail-sender', transport: url ? 'smtp' : 'outbox' }));
	return stop;
}
