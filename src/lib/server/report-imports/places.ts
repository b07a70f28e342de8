// The coordinate systems past reports arrive in, and turning their X/Y into longitude and
// latitude with proj4. Definitions follow the EPSG/ESRI registry entries named beside each.
import proj4 from 'proj4';
import type { CoordinateSystem } from '../../report-import-options';

export type { CoordinateSystem };

const DEFINITIONS: Record<Exclude<CoordinateSystem, 'wgs84'>, string> = {
	// ESRI:102696, NAD 1983 StatePlane Missouri East FIPS 2401 (US survey feet): the
	// projection of EPSG:6512 too. St. Louis publishes its service requests in it.
	'missouri-east-ftus':
		'+proj=tmerc +lat_0=35.83333333333334 +lon_0=-90.5 +k=0.9999333333333333 +x_0=250000 ' +
		'+y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=us-ft +no_defs',
	// EPSG:6677, JGD2011 / Japan Plane Rectangular CS IX (Chiba, Tokyo and around). Its X axis
	// points north; here x is always the easting (the Japanese files' Y column).
	'jgd2011-ix':
		'+proj=tmerc +lat_0=36 +lon_0=139.8333333333333 +k=0.9999 +x_0=0 +y_0=0 +ellps=GRS80 ' +
		'+towgs84=0,0,0,0,0,0,0 +units=m +no_defs'
};

const converters = new Map<CoordinateSystem, (xy: [number, number]) => [number, number]>();

function converter(system: CoordinateSystem) {
	if (system === 'wgs84') return (xy: [number, number]) => xy;
	let convert = converters.get(system);
	if (!convert) {
		const projection = proj4(DEFINITIONS[system], 'EPSG:4326');
		convert = (xy) => projection.forward(xy) as [number, number];
		converters.set(system, convert);
	}
	return convert;
}

/** Coordinates are kept to 7 decimal places (about 1 cm). */
const PRECISION = 1e7;

/**
 * Longitude and latitude of a point given in `system` (x east, y north), or null when the
 * numbers are not a place on Earth. (0, 0) is what spreadsheets write for "no position".
 */
export function toLonLat(
	system: CoordinateSystem,
	x: number,
	y: number
): { lon: number; lat: number } | null {
	if (x === 0 && y === 0) return null;
	const [lon, lat] = converter(system)([x, y]);
	if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
		return null;
	}
	return {
		lon: Math.round(lon * PRECISION) / PRECISION,
		lat: Math.round(lat * PRECISION) / PRECISION
	};
}

/** A number as spreadsheets write it, full-width digits (１４０．１) and thousands commas too. */
export function readNumber(cell: string | undefined): number | null {
	const text = (cell ?? '')
		.normalize('NFKC')
		.trim()
		.replace(/^\+/, '')
		.replace(/,(?=\d{3}\b)/g, '');
	if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
	return Number(text);
}
