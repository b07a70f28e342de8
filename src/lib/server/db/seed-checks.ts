import type { TransactionSql } from 'postgres';

const DAY = 24 * 60 * 60 * 1000;

/** What the demo citizens found at the first shelters (by external id): a photo unless working. */
const DEMO_CHECKS = [
	{ citizen: 0, condition: 'working', comment: '標識ははっきり読めました。' },
	{ citizen: 1, condition: 'faulty', comment: '標識の文字が日焼けで薄くなっています。' },
	{ citizen: 2, condition: 'working', comment: '' },
	{ citizen: 3, condition: 'obstructed', comment: '植え込みの枝で標識が半分隠れています。' },
	{ citizen: 4, condition: 'working', comment: '' },
	{ citizen: 0, condition: 'faulty', comment: '標識の支柱が傾いています。' },
	{ citizen: 1, condition: 'working', comment: '' }
] as const;

/**
 * An open asset-check campaign over every ward on the shelter layer (checking each shelter's
 * sign), with a few checks by the demo citizens. The checks are inserted as the seed inserts
 * entries; the entry trigger adds their first-check and fault bonuses to the ledger, and the
 * points per check are written here as submit_check would.
 */
export async function seedShelterCheck(
	tx: TransactionSql,
	layerId: number,
	organiser: string,
	citizens: string[],
	photo: (owner: string, seed: number) => Promise<string>
): Promise<string> {
	const now = Date.now();
	const [{ id }] = await tx`insert into public.campaigns (kind, title, description, starts_at,
			ends_at, review_window, points_per_entry, first_check_bonus, fault_bonus, asset_layer_id,
			check_radius_m, moderation, published_at, created_by)
		values ('asset_check', '避難所の標識チェック 2026',
			${'市内の指定緊急避難場所の標識を、みんなで点検しましょう。避難所の近くで、標識が読めるか、壊れていないか、木などで隠れていないかを確かめて送ってください。1件10ポイント、その避難所の最初の点検なら5ポイント、不具合を見つけたら10ポイントを加えます。'},
			${new Date(now - 3 * DAY)}, ${new Date(now + 60 * DAY)}, '7 days'::interval, 10, 5, 10,
			${layerId}, 50, 'auto', ${new Date(now - 3 * DAY)}, ${organiser})
		returning id`;
	await tx`insert into public.campaign_areas (campaign_id, area_id)
		select ${id}, id from public.areas where kind = 'ward'`;

	const shelters = await tx<{ id: number }[]>`
		select id::int from public.assets where layer_id = ${layerId}
		order by external_id limit ${DEMO_CHECKS.length}`;
	for (const [n, shelter] of shelters.entries()) {
		const check = DEMO_CHECKS[n];
		const citizen = citizens[check.citizen];
		const photoId = check.condition === 'working' ? null : await photo(citizen, 100 + n);
		await tx`insert into public.campaign_participants (campaign_id, user_id)
			values (${id}, ${citizen}) on conflict do nothing`;
		// About 10 m from the shelter, well within the radius, some hours apart.
		const [entry] = await tx<{ id: string; createdAt: Date }[]>`
			insert into public.entries (campaign_id, user_id, photo_id, location, comment, status,
				asset_id, condition, needs_staff, created_at)
			select ${id}, ${citizen}, ${photoId},
				extensions.st_translate(a.location, 0.0001, 0.00005), ${check.comment}, 'approved',
				a.id, ${check.condition}, ${check.condition !== 'working'},
				now() - ${`${(DEMO_CHECKS.length - n) * 5} hours`}::interval
			from public.assets a where a.id = ${shelter.id}
			returning id, created_at as "createdAt"`;
		await tx`insert into public.point_events (user_id, campaign_id, entry_id, points, reason, created_at)
			values (${citizen}, ${id}, ${entry.id}, 10, 'entry_approved', ${entry.createdAt})`;
	}
	return id;
}
