import { m } from '$lib/paraglide/messages';

/** Every kind of notification, in the order the account page lists them. */
export const NOTIFICATION_KINDS = [
	'report_status',
	'entry_moderated',
	'badge_earned',
	'campaign_result',
	'claim_expiring'
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Locale = 'ja' | 'en';

export function isNotificationKind(value: unknown): value is NotificationKind {
	return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

const kindLabels: Record<NotificationKind, (locale?: Locale) => string> = {
	report_status: (locale) => m.mail_kind_report_status({}, { locale }),
	entry_moderated: (locale) => m.mail_kind_entry_moderated({}, { locale }),
	badge_earned: (locale) => m.mail_kind_badge_earned({}, { locale }),
	campaign_result: (locale) => m.mail_kind_campaign_result({}, { locale }),
	claim_expiring: (locale) => m.mail_kind_claim_expiring({}, { locale })
};

/** What a kind of notification is about, in words: the account page's and the emails' label. */
export function kindLabel(kind: NotificationKind, locale?: Locale): string {
	return kindLabels[kind](locale);
}
