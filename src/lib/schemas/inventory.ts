import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// Messages are functions, called when a value fails, so the one schema answers in the language
// of whichever request is being checked.

/** A new asset layer as the organiser's form sends it. */
export const layerSchema = z.object({
	code: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { error: () => m.inventory_error_code() }),
	nameJa: z
		.string()
		.trim()
		.min(1, { error: () => m.inventory_error_name() })
		.max(100, { error: () => m.inventory_error_name() }),
	nameEn: z
		.string()
		.trim()
		.min(1, { error: () => m.inventory_error_name() })
		.max(100, { error: () => m.inventory_error_name() }),
	categoryCode: z
		.string()
		.trim()
		.max(100)
		.transform((value) => value || null)
		.default('')
});

const column = z.string().max(200).default('');

/**
 * The column mapping step. Coordinates come from two columns, from one "lat,lon" column, or
 * (GeoJSON) from the geometry; id and name are optional. Which columns exist is checked
 * against the file itself.
 */
export const mappingSchema = z
	.object({
		id: column,
		name: column,
		coordinates: z.enum(['columns', 'latlon', 'geometry'], {
			error: () => m.import_error_coordinates()
		}),
		longitude: column,
		latitude: column,
		latlon: column,
		insideCity: z.boolean().default(false)
	})
	.superRefine((value, context) => {
		const missing = (path: string) =>
			context.addIssue({ code: 'custom', path: [path], message: m.import_error_column() });
		if (value.coordinates === 'columns') {
			if (!value.longitude) missing('longitude');
			if (!value.latitude) missing('latitude');
		}
		if (value.coordinates === 'latlon' && !value.latlon) missing('latlon');
	});

/** A map viewport: west,south,east,north in degrees, and a zoom level. */
export const viewportSchema = z.object({
	bbox: z
		.string()
		.transform((text) => text.split(',').map(Number))
		.pipe(
			z
				.tuple([
					z.number().min(-180).max(180),
					z.number().min(-90).max(90),
					z.number().min(-180).max(180),
					z.number().min(-90).max(90)
				])
				.refine(([west, south, east, north]) => west < east && south < north)
		),
	zoom: z.coerce.number().int().min(0).max(24)
});
