// The choices of the past-reports import that the pages, the schema and the server share.

/** Coordinate systems a file's X/Y can be in (see src/lib/server/report-imports/places.ts). */
export const COORDINATE_SYSTEMS = ['wgs84', 'missouri-east-ftus', 'jgd2011-ix'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/** Zones offered for times written without one: Chiba's first, then known example files'. */
export const TIME_ZONES = [
	'Asia/Tokyo',
	'America/Chicago',
	'America/New_York',
	'America/Denver',
	'America/Los_Angeles',
	'Europe/London',
	'UTC'
] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

/** The statuses an imported report can have (duplicate and forwarded need a partner or owner). */
export const IMPORT_STATUSES = ['received', 'in_progress', 'resolved', 'closed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
