import type { Sql } from 'postgres';

/** Reports per INSERT: set-based, in statements of a manageable size. */
const BATCH = 100_000;

/**
 * `count` reports spread over Chiba City's six wards (points inside each ward's boundary, from
 * ST_GeneratePoints), written with a few large statements. Categories, statuses and ages follow
 * a city's mix: mostly road damage and dumping, most reports long resolved, the open ones recent.
 */
export async function loadReports(sql: Sql, count: number): Promise<void> {
	const wards = await sql<{ id: number; code: string }[]>`
		select id::int, code from public.areas where kind = 'ward' order by code`;
	if (wards.length === 0) throw new Error('no wards: the places were not seeded');

	const perWard = Math.ceil(count / wards.length);
	let written = 0;
	for (const [index, ward] of wards.entries()) {
		for (let done = 0; done < perWard && written < count; done += BATCH) {
			const size = Math.min(BATCH, perWard - done, count - written);
			const seed = index * 1000 + done / BATCH + 1;
			// n numbers the points; the hash of n picks category, status and age repeatably.
			await sql`
				insert into public.reports (category_id, ward_id, location, description, status,
					forwarded_to, channel, me_too_count, created_at)
				select (select id from public.categories where code = (array['road-damage', 'road-damage',
						'road-damage', 'dumping', 'dumping', 'park-equipment', 'streetlight', 'streetlight',
						'sign', 'other'])[1 + abs(hashint4(n::int * 3)) % 10]),
					${ward.id}, d.geom, 'bench',
					s.status, case when s.status = 'forwarded' then '千葉県' end, 'import',
					abs(hashint4(n::int * 5)) % 7 / 5, now() - make_interval(secs => s.age)
				from extensions.st_dump(extensions.st_generatepoints(
						(select geom from public.areas where id = ${ward.id}), ${size}, ${seed}))
					with ordinality as d(path, geom, n)
				cross join lateral (select abs(hashint4(n::int + ${seed * 7919})) % 100 as roll) r
				cross join lateral (select
					case when r.roll < 6 then 'received' when r.roll < 12 then 'in_progress'
						when r.roll < 90 then 'resolved' when r.roll < 94 then 'forwarded' else 'closed' end
						as status,
					-- open reports are recent (90 days), the rest spread over eight years
					case when r.roll < 12 then abs(hashint4(n::int)) % (90 * 86400)
						else abs(hashint4(n::int)) % (8 * 365 * 86400) end as age) s`;
			written += size;
		}
	}
	await sql`analyze public.reports`;
	// The counts kept per map cell were rewritten by every batch; autovacuum would tidy them
	// in a while, as it does for a city filing reports one by one.
	await sql`vacuum analyze public.report_map_cells`;
}
