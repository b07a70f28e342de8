// A notification in words, the same in the app's list and in the email: one headline and the
// page it is about. The locale is the reader's: the page's, or the recipient's for an email.
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/notification-kinds';

/** The parts of a notification its text needs (see the notification_details view). */
export interface NotificationFacts {
	kind: string;
	reportNumber: number | null;
	/** report_status: the report's new status; entry_moderated: approved or rejected. */
	status: string | null;
	note: string;
	campaignId: string | null;
	fixId: string | null;
	/** The campaign's or the fix's title, as it was when the notification was written. */
	title: string;
	badgeNameJa: string;
	badgeNameEn: string;
	rank: number | null;
	points: number | null;
	ranked: number | null;
	expiresAt: Date | null;
}

const statusLabels: Record<string, (locale?: Locale) => string> = {
	received: (locale) => m.report_page_status_received({}, { locale }),
	in_progress: (locale) => m.report_page_status_in_progress({}, { locale }),
	resolved: (locale) => m.report_page_status_resolved({}, { locale }),
	forwarded: (locale) => m.report_page_status_forwarded({}, { locale }),
	duplicate: (locale) => m.report_page_status_duplicate({}, { locale }),
	closed: (locale) => m.report_page_status_closed({}, { locale })
};

/** A moment as Chiba's clocks show it, in the reader's language. */
function moment(date: Date, locale: Locale): string {
	return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
		timeZone: 'Asia/Tokyo',
		dateStyle: 'medium',
		timeStyle: 'short'
	}).format(date);
}

/** The notification's one sentence, or '' for a kind this version does not know. */
export function headline(n: NotificationFacts, locale: Locale): string {
	const options = { locale };
	switch (n.kind) {
		case 'report_status':
			return m.notifications_report_status(
				{
					number: n.reportNumber ?? '',
					status: (n.status && statusLabels[n.status]?.(locale)) || ''
				},
				options
			);
		case 'entry_moderated':
			return n.status === 'approved'
				? m.mail_entry_approved({ title: n.title }, options)
				: m.mail_entry_rejected({ title: n.title }, options);
		case 'badge_earned':
			return m.mail_badge_earned(
				{ badge: locale === 'ja' ? n.badgeNameJa : n.badgeNameEn },
				options
			);
		case 'campaign_result':
			return m.mail_campaign_result(
				{ title: n.title, rank: n.rank ?? '', ranked: n.ranked ?? '', points: n.points ?? 0 },
				options
			);
		case 'claim_expiring':
			return m.mail_claim_expiring(
				{ title: n.title, time: n.expiresAt ? moment(n.expiresAt, locale) : '' },
				options
			);
		default:
			return '';
	}
}

/** The page a notification is about (a path without the language prefix) and its link text. */
export function target(
	n: NotificationFacts,
	locale: Locale
): { path: string; label: string } | null {
	const options = { locale };
	if (n.kind === 'report_status' && n.reportNumber !== null) {
		return {
			path: `/reports/${n.reportNumber}`,
			label: m.notifications_open_report({ number: n.reportNumber }, options)
		};
	}
	if ((n.kind === 'entry_moderated' || n.kind === 'campaign_result') && n.campaignId) {
		return { path: `/campaigns/${n.campaignId}`, label: m.mail_open_campaign({}, options) };
	}
	if (n.kind === 'badge_earned') {
		return { path: '/account', label: m.mail_open_badges({}, options) };
	}
	if (n.kind === 'claim_expiring' && n.fixId) {
		return { path: `/fixes/${n.fixId}`, label: m.mail_open_fix({}, options) };
	}
	return null;
}
