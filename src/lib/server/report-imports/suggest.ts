// First guesses for the mapping steps, from the column names and values that 311 exports
// (Open311 GeoReport v2, St. Louis CSB) and Japanese city systems commonly use. Staff can
// change every one of them.
import type { ColumnChoice } from '../report-imports';
import { readNumber, type CoordinateSystem } from './places';
import type { ImportStatus } from './rows';

const GUESSES = {
	externalId:
		/^(id|requestid|request_id|service_request_id|case_?id|report_?id|受付番号|番号|レポート番号)$/i,
	category: /^(category|service_name|group|problemcode|type|カテゴリ|カテゴリー|分類|種別)$/i,
	description: /^(description|details|内容|説明|詳細)$/i,
	address: /^(address|probaddress|住所|所在地|場所)$/i,
	createdAt:
		/^(created_at|requested_datetime|datetimeinit|opened|open_date|受付日時|投稿日時|作成日時)$/i,
	closedAt: /^(closed_at|datetimeclosed|closed|close_date|完了日時|対応完了日時?)$/i,
	status: /^(status|state|ステータス|状態|対応状況)$/i,
	x: /^(x|lon|lng|longitude|srx|easting|経度|x座標)$/i,
	y: /^(y|lat|latitude|sry|northing|緯度|y座標)$/i
};

/** Guesses which column holds what; projected coordinates are told apart by their size. */
export function suggestColumns(columns: string[], rows: string[][]): ColumnChoice {
	const find = (pattern: RegExp) => columns.find((c) => pattern.test(c.trim())) ?? null;
	const x = find(GUESSES.x);
	const y = find(GUESSES.y);
	const firstX = x
		? rows.map((cells) => readNumber(cells[columns.indexOf(x)])).find((n) => n !== null)
		: null;
	const system: CoordinateSystem =
		firstX === null || firstX === undefined || Math.abs(firstX) <= 180
			? 'wgs84'
			: Math.abs(firstX) > 300_000
				? 'missouri-east-ftus'
				: 'jgd2011-ix';
	const abroad = system === 'missouri-east-ftus';
	return {
		externalId: find(GUESSES.externalId) ?? '',
		categoryColumn: find(GUESSES.category),
		categoryCode: null,
		description: find(GUESSES.description),
		address: find(GUESSES.address),
		createdAt: find(GUESSES.createdAt) ?? '',
		closedAt: find(GUESSES.closedAt),
		statusColumn: find(GUESSES.status),
		system,
		x: x ?? '',
		y: y ?? '',
		zone: abroad ? 'America/Chicago' : 'Asia/Tokyo',
		insideCityOnly: !abroad
	};
}

/** A status value's likely meaning here, or '' when unsure (the row is then skipped). */
export function suggestStatus(value: string): ImportStatus | '' {
	if (/cancel|reject|invalid|duplicate|取り?下げ|却下|対応不可/i.test(value)) return 'closed';
	if (/progress|assigned|対応中|作業中/i.test(value)) return 'in_progress';
	if (/^(closed?|resolved|done|completed?|fixed)$|対応済|完了|解決/i.test(value)) return 'resolved';
	if (/^(open|new|received|submitted)$|受付|未対応/i.test(value)) return 'received';
	return '';
}
