// One notification as an email in the recipient's language: a subject, plain text and simple
// HTML with a link to the page it is about, an unsubscribe link for its kind, and the
// List-Unsubscribe headers of RFC 2369 and RFC 8058 (one-click unsubscribe by POST).
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { kindLabel, type Locale, type NotificationKind } from '$lib/notification-kinds';
import { headline, target, type NotificationFacts } from '$lib/notification-text';

export interface Recipient {
	email: string;
	nickname: string;
	locale: Locale;
}

export interface RenderedMail {
	to: string;
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
}

export interface MailLinks {
	/** The site's origin, e.g. https://machi.example.jp */
	origin: string;
	/** The recipient's unsubscribe token for this notification's kind. */
	token: string;
}

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A path of the site in the recipient's language, as a full URL. */
function siteUrl(origin: string, path: string, locale: Locale): string {
	return origin + localizeHref(path, { locale });
}

export function renderMail(
	n: NotificationFacts & { kind: NotificationKind },
	to: Recipient,
	links: MailLinks
): RenderedMail {
	const { locale } = to;
	const options = { locale };
	const sentence = headline(n, locale);
	const about = target(n, locale);
	const aboutUrl = about ? siteUrl(links.origin, about.path, locale) : null;
	const token = encodeURIComponent(links.token);
	const unsubscribeUrl = siteUrl(links.origin, `/unsubscribe?token=${token}`, locale);
	const oneClickUrl = `${links.origin}/api/unsubscribe?token=${token}`;
	const accountUrl = siteUrl(links.origin, '/account', locale);
	const kind = kindLabel(n.kind, locale);

	const greeting = m.mail_greeting({ nickname: to.nickname }, options);
	const why = m.mail_footer_why({ kind }, options);
	const stop = m.mail_footer_unsubscribe({}, options);
	const settings = m.mail_footer_settings({}, options);

	const text = [
		greeting,
		'',
		sentence,
		...(n.note ? ['', n.note] : []),
		...(about && aboutUrl ? ['', `${about.label}: ${aboutUrl}`] : []),
		'',
		'-- ',
		why,
		`${stop}: ${unsubscribeUrl}`,
		`${settings}: ${accountUrl}`
	].join('\n');

	const paragraph = (content: string) => `<p>${content}</p>`;
	const link = (url: string, label: string) =>
		`<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
	const html = [
		`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(sentence)}</title></head>`,
		'<body style="font-family: sans-serif; line-height: 1.6; color: #1a1a1a; max-width: 36rem;">',
		paragraph(escapeHtml(greeting)),
		paragraph(`<strong>${escapeHtml(sentence)}</strong>`),
		n.note ? paragraph(escapeHtml(n.note).replace(/\n/g, '<br>')) : '',
		about && aboutUrl ? paragraph(link(aboutUrl, about.label)) : '',
		'<hr>',
		`<p style="font-size: 0.85em; color: #555;">${escapeHtml(why)}<br>`,
		`${link(unsubscribeUrl, stop)} · ${link(accountUrl, settings)}</p>`,
		'</body></html>'
	].join('\n');

	return {
		to: to.email,
		subject: `${m.mail_subject_prefix({}, options)}${sentence.replace(/[。.]$/, '')}`,
		text,
		html,
		headers: {
			'List-Unsubscribe': `<${oneClickUrl}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		}
	};
}
