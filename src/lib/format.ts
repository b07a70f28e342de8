import { getLocale } from '$lib/paraglide/runtime';

/** The city's time zone: periods and times are always shown as Chiba's clocks show them. */
const TIME_ZONE = 'Asia/Tokyo';

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const locale = getLocale() === 'ja' ? 'ja-JP' : 'en-GB';
	return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
}

/** A moment, with date and time, for example 「2026年12月24日 18:00」 or "24 Dec 2026, 18:00". */
export function formatDateTime(date: Date): string {
	return formatter({ dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A period, both ends written in full: Intl's formatRange shortens a same-day range into a
 * different style (「0時00分～23時00分」), which reads as inconsistent beside the other dates.
 */
export function formatPeriod(start: Date, end: Date): string {
	const separator = getLocale() === 'ja' ? '～' : ' – ';
	return formatDateTime(start) + separator + formatDateTime(end);
}
