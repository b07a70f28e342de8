// The public list of reports: the map's results for people who do not use maps, with the same
// filters, paged and sortable.
import type { ReportFilter, ReportListQuery } from '$lib/schemas/report-map';
import { asUser, type Actor } from './db';
import { matching } from './report-map';
import type { ReportStatus } from './reports';

export const PAGE_SIZE = 30;

export interface ReportRow {
	number: number;
	status: ReportStatus;
	categoryJa: string;
	categoryEn: string;
	wardJa: string | null;
	wardEn: string | null;
	createdAt: Date;
	meTooCount: number;
	/** The first photo's id, for a thumbnail. */
	photoId: string | null;
}

export interface ReportPage {
	reports: ReportRow[];
	total: number;
	/** The page shown: the one asked for, or the last when it asked for more than there are. */
	page: number;
	pages: number;
}

/** The order of each sort; the number breaks ties so that pages never overlap. */
const ORDER = {
	newest: 'r.created_at desc, r.number desc',
	oldest: 'r.created_at, r.number',
	me_too: 'r.me_too_count desc, r.created_at desc, r.number desc'
} as const;

/** One page of the reports matching a filter, in the order asked for. */
export async function list(actor: Actor | null, query: ReportListQuery): Promise<ReportPage> {
	const filter: ReportFilter = query;
	return asUser(actor, async (tx) => {
		const [{ total }] = await tx<{ total: number }[]>`
			select count(*)::int as total from public.reports r where ${matching(tx, filter)}`;
		const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
		const page = Math.min(query.page, pages);

		const reports = await tx<ReportRow[]>`
			select r.number::int as number, r.status, c.name_ja as "categoryJa",
				c.name_en as "categoryEn", w.name_ja as "wardJa", w.name_en as "wardEn",
				r.created_at as "createdAt", r.me_too_count as "meTooCount",
				(select rp.photo_id from public.report_photos rp
					where rp.report_id = r.id and rp.kind = 'report' order by rp.position limit 1)
					as "photoId"
			from public.reports r
			join public.categories c on c.id = r.category_id
			left join public.areas w on w.id = r.ward_id
			where ${matching(tx, filter)}
			order by ${tx.unsafe(ORDER[query.sort])}
			limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`;
		return { reports, total, page, pages };
	});
}
