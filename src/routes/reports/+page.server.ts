import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { queryOf, reportListSchema } from '$lib/schemas/report-map';
import { actorOf } from '$lib/server/actor';
import { listWards } from '$lib/server/areas';
import { listCategories } from '$lib/server/categories';
import * as reportList from '$lib/server/report-list';
import type { PageServerLoad } from './$types';

/** The filters that the map's endpoint and the pager links carry on. */
const FILTERS = ['category', 'status', 'ward', 'from', 'to'] as const;

/** What was wrong with the list's address, for someone who edited it by hand. */
function badQuery(field: PropertyKey | undefined): string {
	switch (field) {
		case 'page':
			return m.report_list_bad_page();
		case 'sort':
			return m.report_list_bad_sort();
		case 'category':
		case 'status':
		case 'ward':
			return m.report_list_bad_filter();
		default:
			return m.report_list_bad_query();
	}
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = reportListSchema.safeParse(queryOf(url));
	if (!query.success) error(400, badQuery(query.error.issues[0]?.path[0]));

	const actor = actorOf(locals);
	const [categories, wards, results] = await Promise.all([
		listCategories(actor),
		listWards(actor),
		reportList.list(actor, query.data)
	]);

	const ja = getLocale() === 'ja';
	const filters = new URLSearchParams();
	for (const name of FILTERS) {
		const value = query.data[name];
		if (value) filters.set(name, value);
	}
	return {
		query: query.data,
		filters: filters.toString(),
		categories: categories.map((c) => ({ code: c.code, name: ja ? c.nameJa : c.nameEn })),
		wards: wards.map((w) => ({ code: w.code, name: ja ? w.nameJa : w.nameEn })),
		results: {
			...results,
			reports: results.reports.map((r) => ({
				number: r.number,
				status: r.status,
				category: ja ? r.categoryJa : r.categoryEn,
				ward: ja ? r.wardJa : r.wardEn,
				createdAt: r.createdAt,
				meTooCount: r.meTooCount,
				photoId: r.photoId
			}))
		}
	};
};
