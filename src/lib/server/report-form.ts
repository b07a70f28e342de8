// What the report form needs from the database besides the reports module: the city's outline
// for the map, the report a repeated submit already made, and the sentence for a place outside.
import type { Geometry } from 'geojson';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { asUser, type Actor } from './db';
import type { PlaceOwner } from './reports';

/** Chiba City's outline, drawn and framed on the form's map. */
export async function cityOutline(): Promise<Geometry | null> {
	const rows = await asUser(
		null,
		(tx) => tx<{ geojson: string }[]>`
		select extensions.st_asgeojson(extensions.st_simplify(geom, 0.0005), 6) as geojson
		from public.areas where kind = 'city' limit 1`
	);
	return rows[0] ? (JSON.parse(rows[0].geojson) as Geometry) : null;
}

/**
 * The number of the report this person (or, for staff, this person's intake) already filed
 * with the key: a second tap must land on it, not on the nearby list that now holds it.
 */
export async function filedWithKey(actor: Actor, key: string): Promise<number | null> {
	const rows = await asUser(
		actor,
		(tx) => tx<{ number: number }[]>`
		select r.number::int as number from public.reports r
		where r.idempotency_key = ${key}
			and (r.reporter_id = (select auth.uid())
				or exists (select 1 from public.report_contacts rc
					where rc.report_id = r.id and rc.taken_by = (select auth.uid())))
		limit 1`
	);
	return rows[0]?.number ?? null;
}

/** Whose a place outside the city is, as the person reads it beside the location. */
export function outsideMessage(owner: PlaceOwner | null): string {
	const name = owner && (getLocale() === 'ja' ? owner.ownerJa : owner.ownerEn);
	return name
		? m.report_form_error_outside_owner({ owner: name })
		: m.report_form_error_outside_city();
}
