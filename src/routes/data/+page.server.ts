import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { DATASETS } from '$lib/schemas/open-data';
import { queryOf, reportFilterSchema } from '$lib/schemas/report-map';
import { actorOf } from '$lib/server/actor';
import { listWards } from '$lib/server/areas';
import { listCategories } from '$lib/server/categories';
import { datasets } from '$lib/server/open-data';
import type { PageServerLoad } from './$types';

/** The buttons of the report filter form, and the download each one asks for. */
const DOWNLOADS: Record<string, string> = {
	csv: 'reports.csv',
	excel: 'reports.csv?bom=1',
	geojson: 'reports.geojson'
};

const FIELDS = ['category', 'status', 'ward', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The filter form comes back here first: filters that read well send the browser on to the
 * download (303); otherwise the page shows what was typed, with the problem beside its field.
 */
function checkFilters(url: URL) {
	const typed = Object.fromEntries(FIELDS.map((field) => [field, url.searchParams.get(field) ?? '']));
	const target = DOWNLOADS[url.searchParams.get('download') ?? ''];
	if (!url.searchParams.has('download')) return { typed, errors: {} };

	const parsed = reportFilterSchema.safeParse(queryOf(url));
	if (parsed.success && target) {
		const query = new URLSearchParams();
		for (const field of FIELDS) if (parsed.data[field]) query.set(field, parsed.data[field]);
		const rest = query.toString();
		redirect(303, `/data/${target}${rest ? (target.includes('?') ? '&' : '?') + rest : ''}`);
	}

	const errors: Partial<Record<Field, string>> = {};
	for (const issue of parsed.error?.issues ?? []) {
		const field = issue.path[0] as Field;
		errors[field] ??=
			field === 'to' && issue.message.includes('after')
				? m.opendata_filter_error_order()
				: field === 'from' || field === 'to'
					? m.opendata_filter_error_date()
					: m.opendata_filter_error_value();
	}
	return { typed, errors };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const filter = checkFilters(url);
	const actor = actorOf(locals);
	const [categories, wards] = await Promise.all([listCategories(actor), listWards(actor)]);

	const ja = getLocale() === 'ja';
	return {
		filter,
		datasets: DATASETS.map((name) => ({
			name,
			formats: [...datasets[name].formats],
			columns: datasets[name].columns.map(({ name, type, example }) => ({ name, type, example }))
		})),
		categories: categories.map((c) => ({ code: c.code, name: ja ? c.nameJa : c.nameEn })),
		wards: wards.map((w) => ({ code: w.code, name: ja ? w.nameJa : w.nameEn }))
	};
};
