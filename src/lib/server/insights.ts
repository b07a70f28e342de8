// The dashboard's figures. Every number is aggregated in SQL (the insights_* functions of the
// migrations), so a page reads a few hundred rows however many reports there are; this module
// only calls them as the requesting person and names the columns.
import { asUser, type Actor, type Tx } from './db';
import { asDomainError } from './errors';

/** Whole months in Asia/Tokyo, first and last included, as `YYYY-MM`; codes or null for all. */
export interface InsightsFilter {
	from: string;
	to: string;
	ward: string | null;
	category: string | null;
}

export interface MonthCount {
	month: string;
	dimension: 'category' | 'ward' | 'channel';
	key: string;
	reports: number;
}

export interface BacklogBucket {
	bucket: string;
	reports: number;
	oldestDays: number | null;
}

export interface TimeToFix {
	dimension: 'all' | 'category' | 'office' | 'month';
	key: string;
	reports: number;
	medianHours: number;
	p90Hours: number;
}

export interface ReporterMonth {
	month: string;
	registrations: number;
	registered: number;
	activeReporters: number;
	appReports: number;
	staffReports: number;
	otherReports: number;
}

export interface CampaignFigures {
	id: string;
	title: string;
	kind: string;
	startsAt: Date;
	endsAt: Date;
	participants: number;
	entries: number;
	approvedEntries: number;
	assets: number | null;
	assetsChecked: number | null;
}

export interface VolunteerMonth {
	month: string;
	fixesDone: number;
	minutes: number;
}

export interface VolunteerTotals {
	volunteers: number;
	fixesDone: number;
	minutes: number;
	eventsHeld: number;
	attendances: number;
}

export interface RepairCost {
	dimension: 'category' | 'office';
	key: string;
	repairs: number;
	cost: number;
	crewHours: number;
}

export interface MaterialUse {
	categoryCode: string;
	officeCode: string;
	item: string;
	unit: string;
	quantity: number;
	repairs: number;
}

export interface PublicInsights {
	reports: MonthCount[];
	backlog: BacklogBucket[];
	timeToFix: TimeToFix[];
	reporters: ReporterMonth[];
	campaigns: CampaignFigures[];
	volunteering: VolunteerMonth[];
	volunteerTotals: VolunteerTotals;
}

export interface StaffInsights extends PublicInsights {
	repairCosts: RepairCost[];
	materials: MaterialUse[];
}

/** `2026-04` → the first day of that month, as PostgreSQL reads a date. */
const day = (month: string) => `${month}-01`;

const reportsByMonthQuery = (tx: Tx, f: InsightsFilter) =>
	tx<MonthCount[]>`
	select to_char(month, 'YYYY-MM') as month, dimension, key, reports
	from public.insights_reports(${day(f.from)}, ${day(f.to)}, ${f.ward}, ${f.category})`;

export async function reportsByMonth(actor: Actor | null, f: InsightsFilter) {
	return asUser(actor, (tx) => reportsByMonthQuery(tx, f));
}

const backlogQuery = (tx: Tx, f: InsightsFilter) =>
	tx<BacklogBucket[]>`
	select bucket, reports, oldest_days as "oldestDays"
	from public.insights_backlog(${f.ward}, ${f.category})`;

export async function backlog(actor: Actor | null, f: InsightsFilter) {
	return asUser(actor, (tx) => backlogQuery(tx, f));
}

const timeToFixQuery = (tx: Tx, f: InsightsFilter) =>
	tx<TimeToFix[]>`
	select dimension, key, reports, median_hours as "medianHours", p90_hours as "p90Hours"
	from public.insights_time_to_fix(${day(f.from)}, ${day(f.to)}, ${f.ward}, ${f.category})`;

export async function timeToFix(actor: Actor | null, f: InsightsFilter) {
	return asUser(actor, (tx) => timeToFixQuery(tx, f));
}

const reportersQuery = (tx: Tx, f: InsightsFilter) =>
	tx<ReporterMonth[]>`
	select to_char(month, 'YYYY-MM') as month, registrations, registered,
		active_reporters as "activeReporters", app_reports as "appReports",
		staff_reports as "staffReports", other_reports as "otherReports"
	from public.insights_reporters(${day(f.from)}, ${day(f.to)}, ${f.ward}, ${f.category})`;

export async function reporters(actor: Actor | null, f: InsightsFilter) {
	return asUser(actor, (tx) => reportersQuery(tx, f));
}

const campaignsQuery = (tx: Tx, f: InsightsFilter) =>
	tx<CampaignFigures[]>`
	select id, title, kind, starts_at as "startsAt", ends_at as "endsAt", participants, entries,
		approved_entries as "approvedEntries", assets, assets_checked as "assetsChecked"
	from public.insights_campaigns(${day(f.from)}, ${day(f.to)})`;

export async function campaigns(actor: Actor | null, f: InsightsFilter) {
	return asUser(actor, (tx) => campaignsQuery(tx, f));
}

const volunteeringQuery = (tx: Tx, f: InsightsFilter) =>
	tx<VolunteerMonth[]>`
	select to_char(month, 'YYYY-MM') as month, fixes_done as "fixesDone", minutes
	from public.insights_volunteering(${day(f.from)}, ${day(f.to)}, ${f.ward})`;

export async function volunteering(actor: Actor | null, f: InsightsFilter) {
	return asUser(actor, (tx) => volunteeringQuery(tx, f));
}

async function volunteerTotalsQuery(tx: Tx): Promise<VolunteerTotals> {
	const [totals] = await tx<VolunteerTotals[]>`
		select volunteers, fixes_done as "fixesDone", minutes, events_held as "eventsHeld", attendances
		from public.volunteer_totals()`;
	return totals;
}

export async function volunteerTotals(actor: Actor | null): Promise<VolunteerTotals> {
	return asUser(actor, volunteerTotalsQuery);
}

const repairCostsQuery = (tx: Tx, f: InsightsFilter) =>
	tx<RepairCost[]>`
	select dimension, key, repairs, cost::float8 as cost, crew_hours::float8 as "crewHours"
	from public.insights_repair_costs(${day(f.from)}, ${day(f.to)}, ${f.ward}, ${f.category})`;

/** Staff and organisers only: the database refuses anyone else (not_allowed). */
export async function repairCosts(actor: Actor, f: InsightsFilter) {
	return asUser(actor, (tx) => repairCostsQuery(tx, f)).catch(asDomainError);
}

const materialsQuery = (tx: Tx, f: InsightsFilter) =>
	tx<MaterialUse[]>`
	select category_code as "categoryCode", office_code as "officeCode", item, unit,
		quantity::float8 as quantity, repairs
	from public.insights_materials(${day(f.from)}, ${day(f.to)}, ${f.ward}, ${f.category})`;

/** Staff and organisers only, as above. */
export async function materials(actor: Actor, f: InsightsFilter) {
	return asUser(actor, (tx) => materialsQuery(tx, f)).catch(asDomainError);
}

async function publicFigures(tx: Tx, f: InsightsFilter): Promise<PublicInsights> {
	return {
		reports: await reportsByMonthQuery(tx, f),
		backlog: await backlogQuery(tx, f),
		timeToFix: await timeToFixQuery(tx, f),
		reporters: await reportersQuery(tx, f),
		campaigns: await campaignsQuery(tx, f),
		volunteering: await volunteeringQuery(tx, f),
		volunteerTotals: await volunteerTotalsQuery(tx)
	};
}

/**
 * What the public dashboard shows, in one transaction: one after another is as quick as side by
 * side on a busy PostgreSQL, and far quicker on the embedded database, which serves one
 * transaction at a time.
 */
export async function readPublic(actor: Actor | null, f: InsightsFilter): Promise<PublicInsights> {
	return asUser(actor, (tx) => publicFigures(tx, f));
}

/** The public figures and the repair records' costs and materials, for staff and organisers. */
export async function readStaff(actor: Actor, f: InsightsFilter): Promise<StaffInsights> {
	return asUser(actor, async (tx) => ({
		...(await publicFigures(tx, f)),
		repairCosts: await repairCostsQuery(tx, f),
		materials: await materialsQuery(tx, f)
	})).catch(asDomainError);
}

/** The registrations the city aims for: REPORTER_TARGET, 5,000 when unset or not a number. */
export function reporterTarget(): number {
	const target = Number(process.env.REPORTER_TARGET ?? 5000);
	return Number.isInteger(target) && target > 0 ? target : 5000;
}

export interface Place {
	code: string;
	nameJa: string;
	nameEn: string;
}

/** The wards, categories and offices the filters offer and the tables name. */
export async function places(actor: Actor | null) {
	return asUser(actor, async (tx) => {
		const [wards, categories, offices] = await Promise.all([
			tx<Place[]>`select code, name_ja as "nameJa", name_en as "nameEn"
				from public.areas where kind = 'ward' order by code`,
			tx<Place[]>`select code, name_ja as "nameJa", name_en as "nameEn"
				from public.categories order by group_code, code`,
			tx<Place[]>`select code, name_ja as "nameJa", name_en as "nameEn"
				from public.offices order by code`
		]);
		return { wards, categories, offices };
	});
}
