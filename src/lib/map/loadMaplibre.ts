import type * as Maplibre from 'maplibre-gl';

export type MaplibreModule = typeof Maplibre;

let loading: Promise<MaplibreModule> | null = null;

/**
 * Loads maplibre-gl, its stylesheet and its worker on first use, so that no page pays for the
 * map library until a map is actually shown. Call it from `onMount` only: it needs a browser.
 *
 * maplibre-gl 6 has no default export, and under Vite its worker must be given by URL, or the
 * map fails with "Worker failed to load".
 *
 * @example
 * onMount(async () => {
 * 	const maplibre = await loadMaplibre();
 * 	const map = new maplibre.Map({ container, style: mapStyle() });
 * });
 */
export function loadMaplibre(): Promise<MaplibreModule> {
	loading ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		import('maplibre-gl/dist/maplibre-gl.css')
	]).then(([maplibre, worker]) => {
		maplibre.setWorkerUrl(worker.default);
		return maplibre;
	});
	// A failed load (a dropped connection) may succeed on the next map, so it is not kept.
	loading.catch(() => {
		loading = null;
	});
	return loading;
}
