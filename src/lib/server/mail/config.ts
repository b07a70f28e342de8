// Mail configuration, read at run time. Without SMTP_URL nothing leaves the server: messages
// are kept in the mail outbox table for admins to read on /admin/outbox.

/** The public URL the links in emails start with (as adapter-node's ORIGIN), without a slash. */
export function siteOrigin(env: NodeJS.ProcessEnv = process.env): string {
	const origin = env.ORIGIN || `http://localhost:${env.PORT || 3000}`;
	return origin.replace(/\/+$/, '');
}

/** The SMTP server, as smtp://user:pass@host:587 or smtps://…; null for the dev outbox. */
export function smtpUrl(env: NodeJS.ProcessEnv = process.env): string | null {
	return env.SMTP_URL?.trim() || null;
}

/** The sender of every email; by default no-reply at the site's host. */
export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
	const configured = env.MAIL_FROM?.trim();
	if (configured) return configured;
	return `Machi Quest <no-reply@${new URL(siteOrigin(env)).hostname}>`;
}

/** How often the sender looks for due mail, in milliseconds (default 5 s). */
export function pollInterval(env: NodeJS.ProcessEnv = process.env): number {
	const asked = Number(env.MAIL_POLL_MS);
	return Number.isFinite(asked) && asked >= 100 ? asked : 5000;
}
