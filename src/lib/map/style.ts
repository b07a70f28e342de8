import type { StyleSpecification } from 'maplibre-gl';
import { env } from '$env/dynamic/public';

/**
 * The default base map: the Geospatial Information Authority of Japan's pale raster tiles,
 * credited as its terms ask (https://maps.gsi.go.jp/development/ichiran.html).
 */
const gsiPale: StyleSpecification = {
	version: 8,
	sources: {
		gsi: {
			type: 'raster',
			tiles: ['https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png'],
			tileSize: 256,
			minzoom: 2,
			maxzoom: 18,
			attribution: '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>'
		}
	},
	layers: [{ id: 'gsi-pale', type: 'raster', source: 'gsi' }]
};

/** The base style of every map: `PUBLIC_MAP_STYLE_URL` when set, else GSI's pale tiles. */
export function mapStyle(): string | StyleSpecification {
	return env.PUBLIC_MAP_STYLE_URL || gsiPale;
}
