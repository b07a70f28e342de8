import exifr from 'exifr';

export interface GpsPoint {
	lat: number;
	lon: number;
}

/**
 * The position recorded in the photo's EXIF GPS block, or null when there is none or it is not a
 * plausible position. Phones without a fix sometimes write 0/0, which is treated as none.
 */
export async function readGps(bytes: Uint8Array): Promise<GpsPoint | null> {
	const gps = await exifr.gps(bytes).catch(() => undefined);
	if (!gps) return null;

	const { latitude: lat, longitude: lon } = gps;
	const valid =
		Number.isFinite(lat) &&
		Number.isFinite(lon) &&
		Math.abs(lat) <= 90 &&
		Math.abs(lon) <= 180 &&
		!(lat === 0 && lon === 0);
	return valid ? { lat, lon } : null;
}

interface DateTags {
	DateTimeOriginal?: string;
	OffsetTimeOriginal?: string;
	CreateDate?: string;
	OffsetTimeDigitized?: string;
}

/**
 * When the photo was taken, from EXIF DateTimeOriginal (or CreateDate). EXIF stores local wall
 * time; the zone comes from OffsetTimeOriginal (EXIF 2.31) when the camera wrote it, otherwise the
 * server's zone (`TZ`) is assumed, which suits a city whose photos are taken where it runs.
 */
export async function readTakenAt(bytes: Uint8Array): Promise<Date | null> {
	const tags: DateTags | undefined = await exifr
		.parse(bytes, {
			pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTimeDigitized'],
			reviveValues: false
		})
		.catch(() => undefined);
	if (!tags) return null;

	return (
		parseExifDate(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ??
		parseExifDate(tags.CreateDate, tags.OffsetTimeDigitized)
	);
}

function parseExifDate(value: unknown, offset: unknown): Date | null {
	if (typeof value !== 'string') return null;
	const parts = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(value);
	if (!parts) return null;

	const [, year, month, day, hour, minute, second] = parts;
	const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
	// An ISO date-time without a zone is read as local time (ECMA-262, Date Time String Format).
	const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
	return Number.isNaN(time) ? null : new Date(time);
}
