/**
 * Chiba's wall-clock time. Japan has kept UTC+09:00 all year since 1951 (no daylight saving),
 * so a fixed offset is exact; the server's own time zone never matters.
 */
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads the value of an `<input type="datetime-local">` (`2026-12-24T18:00`, seconds optional)
 * as a time in Asia/Tokyo. Returns null for anything else, including dates that do not exist
 * (`2026-02-30T10:00`).
 */
export function tokyoLocalToDate(value: string): Date | null {
	const match = LOCAL_PATTERN.exec(value.trim());
	if (!match) return null;

	const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	const date = new Date(utc - TOKYO_OFFSET_MS);
	const roundTrip = new Date(utc);
	const exists =
		roundTrip.getUTCFullYear() === year &&
		roundTrip.getUTCMonth() === month - 1 &&
		roundTrip.getUTCDate() === day &&
		hour < 24 &&
		minute < 60 &&
		second < 60;

	return exists ? date : null;
}

/** The value for an `<input type="datetime-local">` showing `date` in Asia/Tokyo, to the minute. */
export function dateToTokyoLocal(date: Date): string {
	return new Date(date.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 16);
}
