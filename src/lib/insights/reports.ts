// Figures about reports: received per month (by category, ward and channel), the open backlog by
// age, and the time to fix. The numbers come aggregated from SQL; this only lays them out.
import { m } from '$lib/paraglide/messages';
import type { BacklogBucket, MonthCount, TimeToFix } from '$lib/server/insights';
import { formatMonth, formatNumber, monthsOf, withTotal, type Figure, type Names } from './figure';

const channelLabels: Record<string, () => string> = {
	app: m.insights_channel_app,
	phone: m.insights_channel_phone,
	counter: m.insights_channel_counter,
	open311: m.insights_channel_open311,
	import: m.insights_channel_import
};

const bucketLabels: Record<string, () => string> = {
	'0-7': () => m.insights_backlog_bucket({ from: 0, to: 7 }),
	'8-30': () => m.insights_backlog_bucket({ from: 8, to: 30 }),
	'31-90': () => m.insights_backlog_bucket({ from: 31, to: 90 }),
	'91-365': () => m.insights_backlog_bucket({ from: 91, to: 365 }),
	'366+': () => m.insights_backlog_bucket_over({ days: 365 })
};

type Dimension = MonthCount['dimension'];

function keyLabel(dimension: Dimension | 'office', key: string, names: Names): string {
	if (key === 'none') return m.insights_none();
	if (dimension === 'channel')
		return Object.hasOwn(channelLabels, key) ? channelLabels[key]() : key;
	return names[dimension].get(key) ?? key;
}

/** Reports per month, one column per category (or ward, or channel) and a total. */
export function reportsFigure(
	rows: MonthCount[],
	dimension: Dimension,
	period: { from: string; to: string },
	names: Names
): Figure {
	const mine = rows.filter((row) => row.dimension === dimension);
	const keys = [...new Set(mine.map((row) => row.key))].sort();
	const months = monthsOf(period.from, period.to);
	const count = new Map(mine.map((row) => [`${row.month} ${row.key}`, row.reports]));
	const value = (month: string, key: string) => count.get(`${month} ${key}`) ?? 0;
	const titles = {
		category: m.insights_reports_by_category,
		ward: m.insights_reports_by_ward,
		channel: m.insights_reports_by_channel
	};

	return {
		id: `reports-${dimension}`,
		title: titles[dimension](),
		table: {
			head: [
				m.insights_month(),
				...keys.map((key) => keyLabel(dimension, key, names)),
				m.insights_total()
			],
			rows: months.map((month) => ({
				label: formatMonth(month),
				cells: withTotal(keys.map((key) => value(month, key)))
			}))
		},
		chart: {
			kind: 'bar',
			stacked: true,
			labels: months.map(formatMonth),
			series: keys.map((key) => ({
				key,
				label: keyLabel(dimension, key, names),
				values: months.map((month) => value(month, key))
			}))
		}
	};
}

export function backlogFigure(buckets: BacklogBucket[]): Figure {
	const label = (bucket: string) =>
		Object.hasOwn(bucketLabels, bucket) ? bucketLabels[bucket]() : bucket;
	return {
		id: 'backlog',
		title: m.insights_backlog_title(),
		lead: m.insights_backlog_lead(),
		table: {
			head: [m.insights_backlog_age(), m.insights_reports(), m.insights_backlog_oldest()],
			rows: buckets.map((bucket) => ({
				label: label(bucket.bucket),
				cells: [
					formatNumber(bucket.reports),
					bucket.oldestDays === null ? '–' : m.insights_days({ days: bucket.oldestDays })
				]
			}))
		},
		chart: {
			kind: 'bar',
			labels: buckets.map((bucket) => label(bucket.bucket)),
			series: [
				{ key: 'reports', label: m.insights_reports(), values: buckets.map((b) => b.reports) }
			]
		}
	};
}

/** Hours as days with one decimal: repairs take days, and hours would hide that. */
const days = (hours: number) => Math.round((hours / 24) * 10) / 10;

/** Median and 90th percentile days to fix, by category or office, or per month of the fix. */
export function timeToFixFigure(
	rows: TimeToFix[],
	dimension: 'category' | 'office' | 'month',
	names: Names
): Figure {
	const mine = rows.filter((row) => row.dimension === dimension);
	const label = (key: string) =>
		dimension === 'month' ? formatMonth(key) : keyLabel(dimension, key, names);
	const titles = {
		category: m.insights_fix_by_category,
		office: m.insights_fix_by_office,
		month: m.insights_fix_trend
	};
	const heads = {
		category: m.insights_category,
		office: m.insights_office,
		month: m.insights_month
	};

	return {
		id: `fix-${dimension}`,
		title: titles[dimension](),
		table: {
			head: [
				heads[dimension](),
				m.insights_fixed(),
				m.insights_median_days(),
				m.insights_p90_days()
			],
			rows: mine.map((row) => ({
				label: label(row.key),
				cells: [
					formatNumber(row.reports),
					formatNumber(days(row.medianHours), 1),
					formatNumber(days(row.p90Hours), 1)
				]
			}))
		},
		chart: {
			kind: dimension === 'month' ? 'line' : 'bar',
			labels: mine.map((row) => label(row.key)),
			series: [
				{
					key: 'median',
					label: m.insights_median_days(),
					values: mine.map((r) => days(r.medianHours))
				},
				{ key: 'p90', label: m.insights_p90_days(), values: mine.map((r) => days(r.p90Hours)) }
			]
		}
	};
}

export { days as hoursToDays };
