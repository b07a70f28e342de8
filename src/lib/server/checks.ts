import { asUser, type Actor } from './db';
import { asDomainError } from './errors';

/** What a person saw at the asset. Anything but `working` needs a photo. */
export const CONDITIONS = ['working', 'faulty', 'missing', 'obstructed'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** An asset's state in a campaign, from its latest approved check. */
export type AssetState = 'unchecked' | 'ok' | 'faulty';

export interface NewCheck {
	campaignId: string;
	assetId: number;
	condition: Condition;
	photoId: string | null;
	lon: number;
	lat: number;
	comment: string;
	idempotencyKey: string | null;
}

/**
 * Sends the check of one asset. The database function keeps every rule (open asset-check
 * campaign, asset of its layer inside its area, within the campaign's radius, a photo unless
 * working, fair play); its refusals arrive as DomainError.
 */
export async function submitCheck(
	actor: Actor,
	input: NewCheck
): Promise<{ id: string; status: string }> {
	const rows = await asUser(
		actor,
		(tx) => tx<{ id: string; status: string }[]>`
		select id, status from public.submit_check(${input.campaignId}, ${input.assetId},
			${input.condition}, ${input.photoId}, ${input.lon}, ${input.lat}, ${input.comment},
			${input.idempotencyKey})`
	).catch(asDomainError);
	return rows[0];
}

export interface Coverage {
	total: number;
	checked: number;
	faulty: number;
}

/** How much of a campaign's inventory has been checked. */
export async function coverage(actor: Actor | null, campaignId: string): Promise<Coverage> {
	const [row] = await asUser(
		actor,
		(tx) => tx<Coverage[]>`
		select count(*)::int as total,
			count(*) filter (where state <> 'unchecked')::int as checked,
			count(*) filter (where state = 'faulty')::int as faulty
		from public.campaign_asset_states(${campaignId})`
	);
	return row;
}

export interface CampaignAsset {
	id: number;
	externalId: string;
	name: string;
	lon: number;
	lat: number;
	state: AssetState;
	/** Metres from the given position, when one was given. */
	distance: number | null;
}

/**
 * The assets of a campaign with their state, nearest first when a position is given, else by
 * name; a name filter and paging for the list that stands beside the map.
 */
export async function campaignAssets(
	actor: Actor | null,
	campaignId: string,
	options: {
		near?: { lon: number; lat: number };
		search?: string;
		page?: number;
		pageSize?: number;
	}
): Promise<{ assets: CampaignAsset[]; total: number }> {
	const pageSize = options.pageSize ?? 20;
	const page = Math.max(1, options.page ?? 1);
	const near = options.near ?? null;
	const search = options.search?.trim()
		? `%${options.search.trim().replace(/[%_\\]/g, '\\$&')}%`
		: null;
	return asUser(actor, async (tx) => {
		const rows = await tx<(CampaignAsset & { total: number })[]>`
			select a.id::int, a.external_id as "externalId", a.name,
				extensions.st_x(a.location) as lon, extensions.st_y(a.location) as lat, s.state,
				case when ${near?.lon ?? null}::float8 is null then null
					else extensions.st_distance(a.location::extensions.geography,
						extensions.st_setsrid(extensions.st_makepoint(${near?.lon ?? null}::float8,
							${near?.lat ?? null}::float8), 4326)::extensions.geography)::float8 end as distance,
				count(*) over ()::int as total
			from public.campaign_asset_states(${campaignId}) s
			join public.assets a on a.id = s.asset_id
			where ${search}::text is null or a.name ilike ${search}::text or a.external_id ilike ${search}::text
			order by distance nulls last, a.name, a.id
			limit ${pageSize} offset ${(page - 1) * pageSize}`;
		return {
			total: rows[0]?.total ?? 0,
			assets: rows.map(({ id, externalId, name, lon, lat, state, distance }) => ({
				id,
				externalId,
				name,
				lon,
				lat,
				state,
				distance
			}))
		};
	});
}

/** One asset of a campaign with its state, or null when it is not part of the campaign. */
export async function campaignAsset(
	actor: Actor | null,
	campaignId: string,
	assetId: number
): Promise<CampaignAsset | null> {
	const rows = await asUser(
		actor,
		(tx) => tx<CampaignAsset[]>`
		select a.id::int, a.external_id as "externalId", a.name,
			extensions.st_x(a.location) as lon, extensions.st_y(a.location) as lat, s.state,
			null::float8 as distance
		from public.campaign_asset_states(${campaignId}) s
		join public.assets a on a.id = s.asset_id
		where a.id = ${assetId}`
	);
	return rows[0] ?? null;
}

/** Every asset of a campaign as GeoJSON points with their state, for the campaign map. */
export async function assetStatesGeoJson(actor: Actor | null, campaignId: string) {
	const [row] = await asUser(
		actor,
		(tx) => tx<{ geojson: unknown }[]>`
		select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
			json_build_object('type', 'Feature', 'id', a.id,
				'geometry', extensions.st_asgeojson(a.location, 6)::json,
				'properties', json_build_object('name', a.name, 'state', s.state))), '[]'::json)) as geojson
		from public.campaign_asset_states(${campaignId}) s
		join public.assets a on a.id = s.asset_id`
	);
	return row.geojson;
}

export interface FaultForStaff {
	entryId: string;
	assetName: string;
	assetExternalId: string;
	condition: Condition;
	comment: string;
	photoId: string | null;
	nickname: string;
	createdAt: Date;
	/** The report the fault opened or joined; null while it waits for staff (no category). */
	reportNumber: number | null;
	reportStatus: string | null;
}

/**
 * Faults found by checks of a campaign (organisers and staff only): each with the report it
 * opened, or flagged for staff when its layer has no report category.
 */
export async function faultsForStaff(actor: Actor, campaignId: string): Promise<FaultForStaff[]> {
	return asUser(
		actor,
		(tx) => tx<FaultForStaff[]>`
		select e.id as "entryId", a.name as "assetName", a.external_id as "assetExternalId",
			e.condition, e.comment, e.photo_id as "photoId", p.nickname, e.created_at as "createdAt",
			r.number::int as "reportNumber", r.status as "reportStatus"
		from public.entries e
		join public.assets a on a.id = e.asset_id
		join public.profiles p on p.id = e.user_id
		left join public.reports r on r.id = e.report_id
		where e.campaign_id = ${campaignId} and e.condition <> 'working' and e.status = 'approved'
		order by e.created_at desc`
	);
}
