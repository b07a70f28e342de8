import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export type PublicReportStatus =
	'received' | 'in_progress' | 'resolved' | 'forwarded' | 'duplicate' | 'closed';

/** A report's status in words: what people read first, before any colour or shape. */
export const reportStatusLabels: Record<PublicReportStatus, () => string> = {
	received: m.report_page_status_received,
	in_progress: m.report_page_status_in_progress,
	resolved: m.report_page_status_resolved,
	forwarded: m.report_page_status_forwarded,
	duplicate: m.report_page_status_duplicate,
	closed: m.report_page_status_closed
};

export function reportStatusLabel(status: string | null): string {
	return status && Object.hasOwn(reportStatusLabels, status)
		? reportStatusLabels[status as PublicReportStatus]()
		: '';
}

/** The sentence for a refusal of the follow and "me too" functions, never the raw code. */
const refusals: Record<string, () => string> = {
	own_report: m.report_page_error_own_report,
	report_not_open: m.report_page_error_not_open,
	report_missing: m.report_page_error_missing
};

export function reportRefusal(code: string): string {
	return (Object.hasOwn(refusals, code) ? refusals[code] : m.report_page_error_unknown)();
}

/** A name stored in both languages, in the page's language. */
export function inPageLanguage(ja: string | null, en: string | null): string {
	return (getLocale() === 'ja' ? ja : en) ?? '';
}

/** Yen as the reader writes it: 「12,000円」 or "¥12,000". */
export function formatYen(amount: number): string {
	return getLocale() === 'ja'
		? `${new Intl.NumberFormat('ja-JP').format(amount)}円`
		: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'JPY' }).format(amount);
}

/** A quantity without trailing zeros, grouped as the reader groups digits. */
export function formatQuantity(value: number): string {
	return new Intl.NumberFormat(getLocale() === 'ja' ? 'ja-JP' : 'en-GB', {
		maximumFractionDigits: 3
	}).format(value);
}
