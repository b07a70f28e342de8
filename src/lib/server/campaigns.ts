import { asUser, type Actor } from './db';
import { asDomainError } from './errors';
import { isUuid } from './ids';

export { isUuid };

export type CampaignPhase = 'draft' | 'scheduled' | 'open' | 'closed' | 'final';

export interface Campaign {
	id: string;
	kind: 'photo_hunt' | 'asset_check' | 'report_drive';
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	closedAt: Date | null;
	reviewEndsAt: Date;
	pointsPerEntry: number;
	firstCheckBonus: number;
	faultBonus: number;
	likePoints: number;
	likePointsCap: number;
	allowTeams: boolean;
	/** Asset checks: the inventory layer checked, and how near the asset a check must be sent. */
	assetLayerId: number | null;
	checkRadiusM: number;
	moderation: 'auto' | 'moderated';
	phase: CampaignPhase;
	/** When the standings were frozen; null until the first request after the review window. */
	finalizedAt: Date | null;
	wardCodes: string[];
	/** Whether the area is an uploaded zone rather than whole wards. */
	hasZone: boolean;
	/** Report drives: the categories whose reports count. */
	categoryCodes: string[];
	entryCount: number;
	participantCount: number;
}

export type CampaignKind = Campaign['kind'];

export interface NewCampaign {
	kind: CampaignKind;
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	reviewDays: number;
	pointsPerEntry: number;
	firstCheckBonus: number;
	faultBonus: number;
	likePoints: number;
	likePointsCap: number;
	allowTeams: boolean;
	assetLayerId: number | null;
	checkRadiusM: number;
	moderation: 'auto' | 'moderated';
	/** The area: whole wards, or an uploaded zone (see areas.createZone), which wins when set. */
	wardCodes: string[];
	zoneId: number | null;
	categoryCodes: string[];
	publish: boolean;
}

const columns = (tx: Parameters<Parameters<typeof asUser>[1]>[0]) => tx`
	c.id, c.kind, c.title, c.description, c.starts_at as "startsAt", c.ends_at as "endsAt",
	c.closed_at as "closedAt",
	least(coalesce(c.closed_at, c.ends_at), c.ends_at) + c.review_window as "reviewEndsAt",
	c.points_per_entry as "pointsPerEntry", c.first_check_bonus as "firstCheckBonus",
	c.fault_bonus as "faultBonus", c.like_points as "likePoints",
	c.like_points_cap as "likePointsCap", c.allow_teams as "allowTeams",
	c.asset_layer_id::int as "assetLayerId", c.check_radius_m as "checkRadiusM", c.moderation, public.campaign_phase(c) as phase,
	c.finalized_at as "finalizedAt",
	array(select a.code from public.campaign_areas ca join public.areas a on a.id = ca.area_id
		where ca.campaign_id = c.id and a.kind = 'ward' order by a.code) as "wardCodes",
	exists (select 1 from public.campaign_areas ca join public.areas a on a.id = ca.area_id
		where ca.campaign_id = c.id and a.kind = 'zone') as "hasZone",
	array(select k.code from public.campaign_categories cc join public.categories k on k.id = cc.category_id
		where cc.campaign_id = c.id order by k.code) as "categoryCodes",
	(select count(*)::int from public.entries e where e.campaign_id = c.id and e.status = 'approved')
		as "entryCount",
	(select count(*)::int from public.campaign_participants p where p.campaign_id = c.id)
		as "participantCount"`;

/** Campaigns the person may see, open ones first, then upcoming, then past. */
export async function list(actor: Actor | null): Promise<Campaign[]> {
	return asUser(
		actor,
		(tx) => tx<Campaign[]>`
		select ${columns(tx)} from public.campaigns c
		order by array_position(array['open', 'scheduled', 'draft', 'closed', 'final'],
			public.campaign_phase(c)), c.starts_at desc`
	);
}

/**
 * One campaign, or null when it does not exist or is hidden from the person. A campaign whose
 * review window has ended is finalized here, by whichever request sees it first: correctness
 * does not wait for a job.
 */
export async function read(actor: Actor | null, id: string): Promise<Campaign | null> {
	if (!isUuid(id)) return null;

	return asUser(actor, async (tx) => {
		const select = () =>
			tx<Campaign[]>`select ${columns(tx)} from public.campaigns c where c.id = ${id}`;
		const [campaign] = await select();
		if (campaign?.phase !== 'final' || campaign.finalizedAt) return campaign ?? null;

		// Only here does the row lock of finalize_campaign happen: once per campaign, not per view.
		await tx`select public.finalize_campaign(${id})`;
		return (await select())[0] ?? null;
	});
}

export async function create(actor: Actor, input: NewCampaign): Promise<string> {
	return asUser(actor, async (tx) => {
		const [{ id }] = await tx<{ id: string }[]>`
			insert into public.campaigns (kind, title, description, starts_at, ends_at, review_window,
				points_per_entry, first_check_bonus, fault_bonus, like_points, like_points_cap,
				allow_teams, asset_layer_id, check_radius_m, moderation, published_at)
			values (${input.kind}, ${input.title}, ${input.description}, ${input.startsAt},
				${input.endsAt}, make_interval(days => ${input.reviewDays}), ${input.pointsPerEntry},
				${input.firstCheckBonus}, ${input.faultBonus}, ${input.likePoints},
				${input.likePointsCap}, ${input.allowTeams},
				${input.kind === 'asset_check' ? input.assetLayerId : null}, ${input.checkRadiusM},
				${input.moderation},
				${input.publish ? tx`now()` : null})
			returning id`;
		if (input.zoneId !== null) {
			await tx`insert into public.campaign_areas (campaign_id, area_id)
				select ${id}, a.id from public.areas a where a.kind = 'zone' and a.id = ${input.zoneId}`;
		} else if (input.wardCodes.length > 0) {
			await tx`insert into public.campaign_areas (campaign_id, area_id)
				select ${id}, a.id from public.areas a
				where a.kind = 'ward' and a.code in ${tx(input.wardCodes)}`;
		}
		if (input.kind === 'report_drive' && input.categoryCodes.length > 0) {
			await tx`insert into public.campaign_categories (campaign_id, category_id)
				select ${id}, k.id from public.categories k where k.code in ${tx(input.categoryCodes)}`;
		}
		return id;
	}).catch(asDomainError);
}

export async function publish(actor: Actor, id: string): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`
		update public.campaigns set published_at = now() where id = ${id} and published_at is null`
	).catch(asDomainError);
}

/** Closes an open campaign before its end; the review window starts now. */
export async function close(actor: Actor, id: string): Promise<void> {
	await asUser(actor, (tx) => tx`select id from public.close_campaign(${id})`).catch(asDomainError);
}

export async function join(actor: Actor, id: string): Promise<void> {
	await asUser(
		actor,
		(tx) => tx`
		insert into public.campaign_participants (campaign_id) values (${id}) on conflict do nothing`
	).catch(asDomainError);
}

export async function hasJoined(actor: Actor | null, id: string): Promise<boolean> {
	if (!actor) return false;
	const rows = await asUser(
		actor,
		(tx) => tx`
		select 1 from public.campaign_participants where campaign_id = ${id} and user_id = ${actor.id}`
	);
	return rows.length > 0;
}

/** The campaign's area as GeoJSON (RFC 7946: counter-clockwise outer rings), for the map. */
export async function areaGeoJson(actor: Actor | null, id: string): Promise<unknown> {
	const rows = await asUser(
		actor,
		(tx) => tx<{ geojson: unknown }[]>`
		select extensions.st_asgeojson(extensions.st_forcepolygonccw(extensions.st_union(a.geom)), 6)::json
			as geojson
		from public.campaign_areas ca join public.areas a on a.id = ca.area_id
		where ca.campaign_id = ${id}`
	);
	return rows[0]?.geojson ?? null;
}
