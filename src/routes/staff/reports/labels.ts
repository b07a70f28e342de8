import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** Words for statuses and channels: the status is always told in words, never by colour alone. */
export const statusLabels: Record<string, () => string> = {
	open: m.staff_report_status_open,
	received: m.staff_report_status_received,
	in_progress: m.staff_report_status_in_progress,
	resolved: m.staff_report_status_resolved,
	forwarded: m.staff_report_status_forwarded,
	duplicate: m.staff_report_status_duplicate,
	closed: m.staff_report_status_closed,
	all: m.staff_report_status_all
};

export const channelLabels: Record<string, () => string> = {
	app: m.staff_report_channel_app,
	phone: m.staff_report_channel_phone,
	counter: m.staff_report_channel_counter,
	open311: m.staff_report_channel_open311,
	import: m.staff_report_channel_import
};

export function label(labels: Record<string, () => string>, key: string): string {
	return Object.hasOwn(labels, key) ? labels[key]() : key;
}

/** A name stored in both languages, in the page's language. */
export function inLanguage(ja: string | null, en: string | null): string {
	return (getLocale() === 'ja' ? ja : en) ?? '';
}
