// Reading the dates of past reports. Exports from city systems write local wall-clock times
// without a zone ("2009-01-02 08:26:34.0"); those are read in the zone the importer chooses.
// A time that names its own offset (ISO 8601 "Z" or "+09:00") keeps it.

const PATTERN =
	/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at the instant `utc` (ms). */
function offsetAt(zone: string, utc: number): number {
	let format = formatters.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(zone, format);
	}
	const part: Record<string, number> = {};
	for (const { type, value } of format.formatToParts(new Date(utc))) part[type] = Number(value);
	const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
	return wall - Math.floor(utc / 1000) * 1000;
}

/**
 * The instant a cell names, or null when it is not a date and time (or names a day that does
 * not exist, such as 2009-02-30). Blank cells are null too; the caller tells the two apart.
 */
export function readTime(cell: string | undefined, zone: string): Date | null {
	const match = PATTERN.exec((cell ?? '').normalize('NFKC').trim());
	if (!match) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', offset] = match;
	const ms = Math.round(Number(`0.${fraction}`) * 1000);
	const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
	const back = new Date(wall);
	if (
		back.getUTCFullYear() !== Number(y) ||
		back.getUTCMonth() !== Number(mo) - 1 ||
		back.getUTCDate() !== Number(d) ||
		Number(h) > 23 ||
		Number(mi) > 59 ||
		Number(s) > 59
	) {
		return null;
	}

	if (offset) {
		if (offset.toUpperCase() === 'Z') return back;
		const sign = offset.startsWith('-') ? -1 : 1;
		const digits = offset.slice(1).replace(':', '');
		const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
		return new Date(wall - sign * minutes * 60_000);
	}
	// Two passes settle on the right offset also next to a daylight-saving change.
	let utc = wall - offsetAt(zone, wall);
	utc = wall - offsetAt(zone, utc);
	return new Date(utc);
}
