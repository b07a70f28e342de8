import type { Geometry, Position } from 'geojson';
import type { LngLatBoundsLike, Map as MaplibreMap, MapOptions } from 'maplibre-gl';
import { m } from '$lib/paraglide/messages';
import type { MaplibreModule } from './loadMaplibre';
import { mapStyle } from './style';

/** Chiba City Hall: where a map with nothing to show starts. */
const CHIBA_CITY_HALL: [number, number] = [140.1233, 35.6074];

/** Room around a framed area for the zoom buttons (top right) and the credits (bottom). */
const FRAME_PADDING = { top: 24, right: 48, bottom: 40, left: 24 };

/** Street level: the closest a framed map starts, so that one point alone keeps streets around it. */
const FRAME_MAX_ZOOM = 17;

/** The controls' own words (buttons, gesture hints), in the person's language. */
function mapLocale(label: string): Record<string, string> {
	return {
		'Map.Title': label,
		'Marker.Title': m.map_marker(),
		'NavigationControl.ZoomIn': m.map_zoom_in(),
		'NavigationControl.ZoomOut': m.map_zoom_out(),
		'AttributionControl.ToggleAttribution': m.map_attribution_toggle(),
		'CooperativeGesturesHandler.WindowsHelpText': m.map_gesture_windows(),
		'CooperativeGesturesHandler.MacHelpText': m.map_gesture_mac(),
		'CooperativeGesturesHandler.MobileHelpText': m.map_gesture_mobile()
	};
}

/**
 * A map on the project's base style, framing `bounds` (or the city when there are none).
 * Throws when the browser cannot draw WebGL; the caller shows its text alternative instead.
 */
export function createMap(
	maplibre: MaplibreModule,
	container: HTMLElement,
	label: string,
	bounds: LngLatBoundsLike | null
): MaplibreMap {
	const framing: Partial<MapOptions> = bounds
		? { bounds, fitBoundsOptions: { padding: FRAME_PADDING, maxZoom: FRAME_MAX_ZOOM } }
		: { center: CHIBA_CITY_HALL, zoom: 11 };
	const map = new maplibre.Map({
		container,
		style: mapStyle(),
		...framing,
		// The map sits in a scrolling page: one finger or a plain wheel keeps scrolling the page.
		cooperativeGestures: true,
		dragRotate: false,
		pitchWithRotate: false,
		locale: mapLocale(label)
	});
	map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
	// The container is the named region, and also holds the text shown when the map cannot be;
	// a second region of the same name inside it would only be announced twice.
	map.getCanvas().removeAttribute('role');
	return map;
}

/** Draws a campaign's area as a light fill with an outline. */
export function addArea(map: MaplibreMap, area: Geometry): void {
	map.addSource('campaign-area', { type: 'geojson', data: area });
	map.addLayer({
		id: 'campaign-area-fill',
		type: 'fill',
		source: 'campaign-area',
		paint: { 'fill-color': '#1565c0', 'fill-opacity': 0.08 }
	});
	map.addLayer({
		id: 'campaign-area-line',
		type: 'line',
		source: 'campaign-area',
		paint: { 'line-color': '#1565c0', 'line-width': 2 }
	});
}

/** The smallest box holding every position given, or null when there are none. */
export function boundsOf(positions: Position[]): [[number, number], [number, number]] | null {
	if (positions.length === 0) return null;
	let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [lon, lat] of positions) {
		west = Math.min(west, lon);
		east = Math.max(east, lon);
		south = Math.min(south, lat);
		north = Math.max(north, lat);
	}
	return [
		[west, south],
		[east, north]
	];
}

/** Every position of a geometry, whatever its type (RFC 7946 §3.1). */
export function positionsOf(geometry: Geometry | null): Position[] {
	switch (geometry?.type) {
		case 'Point':
			return [geometry.coordinates];
		case 'MultiPoint':
		case 'LineString':
			return geometry.coordinates;
		case 'MultiLineString':
		case 'Polygon':
			return geometry.coordinates.flat();
		case 'MultiPolygon':
			return geometry.coordinates.flat(2);
		case 'GeometryCollection':
			return geometry.geometries.flatMap(positionsOf);
		default:
			return [];
	}
}
