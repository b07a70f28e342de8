// Figures about people: reporters against the city's target, active reporters, how reports
// arrive, campaigns and volunteering. Counts only: the SQL behind them names nobody.
import { m } from '$lib/paraglide/messages';
import type {
	CampaignFigures,
	MaterialUse,
	RepairCost,
	ReporterMonth,
	VolunteerMonth
} from '$lib/server/insights';
import { formatMonth, formatNumber, formatYen, type Figure, type Names } from './figure';

export function registrationsFigure(months: ReporterMonth[], target: number): Figure {
	return {
		id: 'registrations',
		title: m.insights_registrations_title(),
		lead: m.insights_registrations_lead({ target: formatNumber(target) }),
		table: {
			head: [
				m.insights_month(),
				m.insights_registrations(),
				m.insights_registered(),
				m.insights_target()
			],
			rows: months.map((row) => ({
				label: formatMonth(row.month),
				cells: [formatNumber(row.registrations), formatNumber(row.registered), formatNumber(target)]
			}))
		},
		chart: {
			kind: 'line',
			labels: months.map((row) => formatMonth(row.month)),
			series: [
				{
					key: 'registered',
					label: m.insights_registered(),
					values: months.map((r) => r.registered)
				},
				{ key: 'target', label: m.insights_target(), values: months.map(() => target) }
			]
		}
	};
}

export function activeReportersFigure(months: ReporterMonth[]): Figure {
	return {
		id: 'active-reporters',
		title: m.insights_active_title(),
		lead: m.insights_active_lead(),
		table: {
			head: [m.insights_month(), m.insights_active_reporters()],
			rows: months.map((row) => ({
				label: formatMonth(row.month),
				cells: [formatNumber(row.activeReporters)]
			}))
		},
		chart: {
			kind: 'bar',
			labels: months.map((row) => formatMonth(row.month)),
			series: [
				{
					key: 'active',
					label: m.insights_active_reporters(),
					values: months.map((r) => r.activeReporters)
				}
			]
		}
	};
}

const share = (part: number, whole: number) =>
	whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

/** The app against staff taking reports by phone or at the counter, in per cent of each month. */
export function channelShareFigure(months: ReporterMonth[]): Figure {
	const total = (r: ReporterMonth) => r.appReports + r.staffReports + r.otherReports;
	const parts = [
		{ key: 'app', label: m.insights_share_app(), of: (r: ReporterMonth) => r.appReports },
		{ key: 'staff', label: m.insights_share_staff(), of: (r: ReporterMonth) => r.staffReports },
		{ key: 'other', label: m.insights_share_other(), of: (r: ReporterMonth) => r.otherReports }
	];
	return {
		id: 'channel-share',
		title: m.insights_share_title(),
		lead: m.insights_share_lead(),
		table: {
			head: [m.insights_month(), ...parts.map((p) => `${p.label} (%)`), m.insights_reports()],
			rows: months.map((row) => ({
				label: formatMonth(row.month),
				cells: [
					...parts.map((p) => formatNumber(share(p.of(row), total(row)), 1)),
					formatNumber(total(row))
				]
			}))
		},
		chart: {
			kind: 'bar',
			stacked: true,
			labels: months.map((row) => formatMonth(row.month)),
			series: parts.map((p) => ({
				key: p.key,
				label: p.label,
				values: months.map((row) => share(p.of(row), total(row)))
			}))
		}
	};
}

const kindLabels: Record<string, () => string> = {
	photo_hunt: m.insights_kind_photo_hunt,
	asset_check: m.insights_kind_asset_check,
	report_drive: m.insights_kind_report_drive
};

/** Campaigns of the period: a table alone (names are long and counts differ by kind). */
export function campaignsFigure(rows: CampaignFigures[]): Figure {
	const coverage = (row: CampaignFigures) =>
		row.assets === null || row.assetsChecked === null
			? '–'
			: `${formatNumber(row.assetsChecked)} / ${formatNumber(row.assets)} (${formatNumber(share(row.assetsChecked, row.assets), 1)} %)`;
	return {
		id: 'campaigns',
		title: m.insights_campaigns_title(),
		table: {
			head: [
				m.insights_campaign(),
				m.insights_campaign_kind(),
				m.insights_participants(),
				m.insights_entries(),
				m.insights_approved_entries(),
				m.insights_coverage()
			],
			rows: rows.map((row) => ({
				label: row.title,
				cells: [
					Object.hasOwn(kindLabels, row.kind) ? kindLabels[row.kind]() : row.kind,
					formatNumber(row.participants),
					formatNumber(row.entries),
					formatNumber(row.approvedEntries),
					coverage(row)
				]
			}))
		},
		chart: null
	};
}

export function volunteeringFigure(months: VolunteerMonth[]): Figure {
	const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
	return {
		id: 'volunteering',
		title: m.insights_volunteering_title(),
		table: {
			head: [m.insights_month(), m.insights_fixes_done(), m.insights_hours()],
			rows: months.map((row) => ({
				label: formatMonth(row.month),
				cells: [formatNumber(row.fixesDone), formatNumber(hours(row.minutes), 1)]
			}))
		},
		chart: {
			kind: 'bar',
			labels: months.map((row) => formatMonth(row.month)),
			series: [
				{ key: 'fixes', label: m.insights_fixes_done(), values: months.map((r) => r.fixesDone) }
			]
		}
	};
}

/** Staff only: repairs, their cost and crew hours by category or office. */
export function repairCostFigure(
	rows: RepairCost[],
	dimension: 'category' | 'office',
	names: Names
): Figure {
	const mine = rows.filter((row) => row.dimension === dimension);
	const label = (key: string) =>
		key === 'none' ? m.insights_none() : (names[dimension].get(key) ?? key);
	return {
		id: `repairs-${dimension}`,
		title:
			dimension === 'category' ? m.insights_repairs_by_category() : m.insights_repairs_by_office(),
		table: {
			head: [
				dimension === 'category' ? m.insights_category() : m.insights_office(),
				m.insights_repairs(),
				m.insights_cost(),
				m.insights_crew_hours()
			],
			rows: mine.map((row) => ({
				label: label(row.key),
				cells: [formatNumber(row.repairs), formatYen(row.cost), formatNumber(row.crewHours, 1)]
			}))
		},
		chart: {
			kind: 'bar',
			labels: mine.map((row) => label(row.key)),
			series: [{ key: 'cost', label: m.insights_cost(), values: mine.map((row) => row.cost) }]
		}
	};
}

/** Staff only: materials by category and office, each item with its unit. */
export function materialsFigure(rows: MaterialUse[], names: Names): Figure {
	return {
		id: 'materials',
		title: m.insights_materials_title(),
		table: {
			head: [
				m.insights_category(),
				m.insights_office(),
				m.insights_material(),
				m.insights_quantity(),
				m.insights_repairs()
			],
			rows: rows.map((row) => ({
				label: names.category.get(row.categoryCode) ?? row.categoryCode,
				cells: [
					row.officeCode === 'none'
						? m.insights_none()
						: (names.office.get(row.officeCode) ?? row.officeCode),
					row.item,
					`${formatNumber(row.quantity, Number.isInteger(row.quantity) ? 0 : 1)} ${row.unit}`,
					formatNumber(row.repairs)
				]
			}))
		},
		chart: null
	};
}
