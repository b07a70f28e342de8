// The open datasets: which public columns each one has and the SQL that reads them, a batch at
// a time in a stable order. Every query runs as the visitor role (anon), so row-level security
// keeps out what is not public (reporters, callers, internal notes, unapproved entries) even if
// a column list here were wrong; the lists name only public columns on top of that.
import type { PendingQuery, Row as SqlRow } from 'postgres';
import type { DatasetName, ExportFilters } from '$lib/schemas/open-data';
import type { Tx } from '../db';
import { matching } from '../report-map';

export type ColumnType =
	'integer' | 'number' | 'text' | 'code' | 'datetime' | 'date' | 'boolean' | 'url' | 'uuid';

export interface Column {
	name: string;
	type: ColumnType;
	example: string;
}

/** One exported row: the columns by name, plus the position (or a whole geometry) and keys. */
export type ExportRow = Record<string, unknown>;

export interface Dataset<Name extends DatasetName = DatasetName> {
	name: Name;
	/** The columns of the CSV and the properties of each GeoJSON feature, in order. */
	columns: readonly Column[];
	/** Formats offered: polygons have no CSV form here. */
	formats: readonly ('csv' | 'geojson')[];
	/**
	 * Rows after `after` (the last row of the previous batch; null for the first), in the
	 * dataset's order, at most `limit` (null: all, for a cursor).
	 */
	rows(
		tx: Tx,
		filter: ExportFilters[Name],
		after: ExportRow | null,
		limit: number | null,
		origin: string
	): PendingQuery<SqlRow[]>;
	/** The feature id of a row in GeoJSON. */
	id(row: ExportRow): string | number;
}

/** Times as ISO 8601 in Japan time (with its offset), to the second. */
const jst = (column: string) =>
	`to_char(${column} at time zone 'Asia/Tokyo', 'YYYY-MM-DD"T"HH24:MI:SS"+09:00"')`;

/** Seven decimals of a degree: about a centimetre, finer than any phone's position. */
const position = (column: string) => `
	round(extensions.st_x(${column})::numeric, 7)::float8 as longitude,
	round(extensions.st_y(${column})::numeric, 7)::float8 as latitude`;

const limited = (tx: Tx, limit: number | null) => (limit === null ? tx`` : tx`limit ${limit}`);

const photoUrl = (tx: Tx, origin: string, column: string) =>
	tx`case when ${tx.unsafe(column)} is null then null
		else ${`${origin}/photos/`}::text || ${tx.unsafe(column)}::text || '/display' end`;

export const reports: Dataset<'reports'> = {
	name: 'reports',
	formats: ['csv', 'geojson'],
	columns: [
		{ name: 'number', type: 'integer', example: '1024' },
		{ name: 'category', type: 'code', example: 'road-damage' },
		{ name: 'category_name_ja', type: 'text', example: '道路の損傷' },
		{ name: 'category_name_en', type: 'text', example: 'Road damage' },
		{ name: 'status', type: 'code', example: 'resolved' },
		{ name: 'channel', type: 'code', example: 'app' },
		{ name: 'ward', type: 'code', example: '12101' },
		{ name: 'ward_name_ja', type: 'text', example: '中央区' },
		{ name: 'ward_name_en', type: 'text', example: 'Chuo Ward' },
		{ name: 'office', type: 'code', example: 'roads' },
		{ name: 'longitude', type: 'number', example: '140.1233' },
		{ name: 'latitude', type: 'number', example: '35.6074' },
		{ name: 'location_approximate', type: 'boolean', example: 'false' },
		{ name: 'address', type: 'text', example: '中央区中央4丁目' },
		{ name: 'description', type: 'text', example: '歩道の段差が割れています' },
		{ name: 'created_at', type: 'datetime', example: '2026-12-04T09:30:00+09:00' },
		{ name: 'resolved_at', type: 'datetime', example: '2026-12-07T15:00:00+09:00' },
		{ name: 'hours_to_resolve', type: 'number', example: '77.5' },
		{ name: 'me_too_count', type: 'integer', example: '2' },
		{ name: 'follower_count', type: 'integer', example: '3' },
		{ name: 'public_note_count', type: 'integer', example: '1' },
		{ name: 'duplicate_of', type: 'integer', example: '1001' },
		{ name: 'forwarded_to', type: 'text', example: '千葉県' },
		{ name: 'fit_for_volunteers', type: 'boolean', example: 'false' },
		{ name: 'photo_count', type: 'integer', example: '1' },
		{ name: 'photo_url', type: 'url', example: 'https://example.jp/photos/…/display' },
		{ name: 'repair_completed_on', type: 'date', example: '2026-12-07' },
		{ name: 'repair_cost_yen', type: 'integer', example: '12000' },
		{ name: 'repair_crew_hours', type: 'number', example: '1.5' }
	],
	rows: (tx, filter, after, limit, origin) => tx`
		select r.number::int as number, c.code as category, c.name_ja as category_name_ja,
			c.name_en as category_name_en, r.status, r.channel, w.code as ward,
			w.name_ja as ward_name_ja, w.name_en as ward_name_en, o.code as office,
			${tx.unsafe(position('r.location'))}, r.location_approximate, r.address, r.description,
			${tx.unsafe(jst('r.created_at'))} as created_at,
			${tx.unsafe(jst('r.resolved_at'))} as resolved_at,
			round((extract(epoch from r.resolved_at - r.created_at) / 3600)::numeric, 1)::float8
				as hours_to_resolve,
			r.me_too_count, r.follower_count,
			(select count(*)::int from public.report_updates u
				where u.report_id = r.id and u.note <> '' and not u.internal) as public_note_count,
			d.number::int as duplicate_of, r.forwarded_to, r.fit_for_volunteers,
			(select count(*)::int from public.report_photos rp
				where rp.report_id = r.id and rp.kind = 'report') as photo_count,
			${photoUrl(tx, origin, 'p.photo_id')} as photo_url,
			to_char(rr.completed_on, 'YYYY-MM-DD') as repair_completed_on,
			rr.cost::float8 as repair_cost_yen, rr.crew_hours::float8 as repair_crew_hours
		from public.reports r
		join public.categories c on c.id = r.category_id
		left join public.areas w on w.id = r.ward_id
		left join public.offices o on o.id = r.office_id
		left join public.reports d on d.id = r.duplicate_of
		left join public.report_repairs rr on rr.report_id = r.id
		left join lateral (select rp.photo_id from public.report_photos rp
			where rp.report_id = r.id and rp.kind = 'report' order by rp.position limit 1) p on true
		where ${matching(tx, filter)}
			${after ? tx`and r.number > ${after.number as number}` : tx``}
		order by r.number
		${limited(tx, limit)}`,
	id: (row) => row.number as number
};

export const entries: Dataset<'entries'> = {
	name: 'entries',
	formats: ['csv', 'geojson'],
	columns: [
		{ name: 'id', type: 'uuid', example: '6f1c…' },
		{ name: 'campaign_id', type: 'uuid', example: '0b7e…' },
		{ name: 'campaign_title', type: 'text', example: '街灯チェックウィーク' },
		{ name: 'campaign_kind', type: 'code', example: 'asset_check' },
		{ name: 'created_at', type: 'datetime', example: '2026-12-04T09:30:00+09:00' },
		{ name: 'longitude', type: 'number', example: '140.1233' },
		{ name: 'latitude', type: 'number', example: '35.6074' },
		{ name: 'nickname', type: 'text', example: 'ちばっこ' },
		{ name: 'comment', type: 'text', example: '公園の入り口です' },
		{ name: 'photo_url', type: 'url', example: 'https://example.jp/photos/…/display' },
		{ name: 'like_count', type: 'integer', example: '4' },
		{ name: 'featured', type: 'boolean', example: 'false' },
		{ name: 'asset_layer', type: 'code', example: 'shelters' },
		{ name: 'asset_external_id', type: 'text', example: '12101-001' },
		{ name: 'condition', type: 'code', example: 'working' }
	],
	rows: (tx, filter, after, limit, origin) => tx`
		select e.id, e.campaign_id, c.title as campaign_title, c.kind as campaign_kind,
			${tx.unsafe(jst('e.created_at'))} as created_at, e.created_at::text as key_at,
			${tx.unsafe(position('e.location'))}, p.nickname, e.comment,
			${photoUrl(tx, origin, 'e.photo_id')} as photo_url, e.like_count,
			e.featured_at is not null as featured, l.code as asset_layer,
			a.external_id as asset_external_id, e.condition
		from public.entries e
		join public.campaigns c on c.id = e.campaign_id
		join public.profiles p on p.id = e.user_id
		left join public.assets a on a.id = e.asset_id
		left join public.asset_layers l on l.id = a.layer_id
		where e.status = 'approved'
			${filter.campaign ? tx`and e.campaign_id = ${filter.campaign}` : tx``}
			${filter.from ? tx`and e.created_at >= (${filter.from}::date::timestamp at time zone 'Asia/Tokyo')` : tx``}
			${filter.to ? tx`and e.created_at < ((${filter.to}::date + 1)::timestamp at time zone 'Asia/Tokyo')` : tx``}
			${after ? tx`and (e.created_at, e.id) > (${after.key_at as string}::timestamptz, ${after.id as string}::uuid)` : tx``}
		order by e.created_at, e.id
		${limited(tx, limit)}`,
	id: (row) => row.id as string
};

export const assets: Dataset<'assets'> = {
	name: 'assets',
	formats: ['csv', 'geojson'],
	columns: [
		{ name: 'id', type: 'integer', example: '501' },
		{ name: 'layer', type: 'code', example: 'shelters' },
		{ name: 'layer_name_ja', type: 'text', example: '避難場所' },
		{ name: 'layer_name_en', type: 'text', example: 'Shelters' },
		{ name: 'external_id', type: 'text', example: '12101-001' },
		{ name: 'name', type: 'text', example: '千葉公園' },
		{ name: 'longitude', type: 'number', example: '140.1233' },
		{ name: 'latitude', type: 'number', example: '35.6074' },
		{ name: 'imported_at', type: 'datetime', example: '2026-12-01T10:00:00+09:00' },
		{ name: 'last_checked_at', type: 'datetime', example: '2026-12-04T09:30:00+09:00' },
		{ name: 'last_condition', type: 'code', example: 'faulty' },
		{ name: 'last_check_campaign_id', type: 'uuid', example: '0b7e…' },
		{ name: 'last_check_photo_url', type: 'url', example: 'https://example.jp/photos/…/display' }
	],
	rows: (tx, filter, after, limit, origin) => tx`
		select a.id::int as id, l.code as layer, l.name_ja as layer_name_ja,
			l.name_en as layer_name_en, a.external_id, a.name, ${tx.unsafe(position('a.location'))},
			${tx.unsafe(jst('a.imported_at'))} as imported_at,
			${tx.unsafe(jst('lc.created_at'))} as last_checked_at, lc.condition as last_condition,
			lc.campaign_id as last_check_campaign_id,
			${photoUrl(tx, origin, 'lc.photo_id')} as last_check_photo_url
		from public.assets a
		join public.asset_layers l on l.id = a.layer_id
		left join lateral (select e.condition, e.created_at, e.campaign_id, e.photo_id
			from public.entries e
			where e.asset_id = a.id and e.status = 'approved'
			order by e.created_at desc limit 1) lc on true
		where true
			${filter.layer ? tx`and l.code = ${filter.layer}` : tx``}
			${after ? tx`and a.id > ${after.id as number}` : tx``}
		order by a.id
		${limited(tx, limit)}`,
	id: (row) => row.id as number
};

/** The wards as polygons, so that the reports' ward codes can be mapped. */
export const wards: Dataset<'wards'> = {
	name: 'wards',
	formats: ['geojson'],
	columns: [
		{ name: 'code', type: 'code', example: '12101' },
		{ name: 'name_ja', type: 'text', example: '中央区' },
		{ name: 'name_en', type: 'text', example: 'Chuo Ward' }
	],
	// RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise (ST_ForcePolygonCCW).
	rows: (tx, _filter, after, limit) => tx`
		select a.code, a.name_ja, a.name_en,
			extensions.st_asgeojson(extensions.st_forcepolygonccw(a.geom), 7) as geometry
		from public.areas a
		where a.kind = 'ward' ${after ? tx`and a.code > ${after.code as string}` : tx``}
		order by a.code
		${limited(tx, limit)}`,
	id: (row) => row.code as string
};

export const datasets: { [Name in DatasetName]: Dataset<Name> } = {
	reports,
	entries,
	assets,
	wards
};
