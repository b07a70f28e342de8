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
 * A period: both ends in full, or, within one day in Chiba, the day once and both times
 * (「2026年12月24日 10:00～12:00」). Intl's formatRange would shorten a same-day range into a
 * different style (「0時00分～23時00分」), which reads as inconsistent beside the other dates.
 */
export function formatPeriod(start: Date, end: Date): string {
	const separator = getLocale() === 'ja' ? '～' : ' – ';
	const day = formatter({ dateStyle: 'medium' });
	const sameDay = day.format(start) === day.format(end);
	const last = sameDay ? formatter({ timeStyle: 'short' }).format(end) : formatDateTime(end);
	return formatDateTime(start) + separator + last;
}
