import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { assignSchema, queueFilterSchema } from '$lib/schemas/report-work';
import * as areas from '$lib/server/areas';
import * as categories from '$lib/server/categories';
import { DomainError } from '$lib/server/errors';
import * as queue from '$lib/server/report-queue';
import * as work from '$lib/server/report-work';
import { requireStaff } from '$lib/server/staff';
import { staffRefusal } from './refusals';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(assignSchema);

/** The filters as typed in the address bar, checked; unknown values fall back to defaults. */
function filterOf(url: URL) {
	const param = (name: string) => url.searchParams.get(name) || null;
	return queueFilterSchema.parse({
		office: param('office'),
		category: param('category'),
		ward: param('ward'),
		status: param('status') ?? 'open',
		age: param('age'),
		sort: param('sort') ?? 'oldest',
		page: param('page') ?? 1
	});
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals, url);
	const filter = filterOf(url);

	const [page, offices, categoryList, wards, form] = await Promise.all([
		queue.list(actor, {
			officeCode: filter.office,
			categoryCode: filter.category,
			wardCode: filter.ward,
			status: filter.status,
			olderThanDays: filter.age,
			sort: filter.sort,
			page: filter.page
		}),
		queue.offices(actor),
		categories.listCategories(actor),
		areas.listWards(actor),
		superValidate(schema, { errors: false })
	]);

	return { filter, page, offices, categories: categoryList, wards, form };
};

export const actions: Actions = {
	assign: async ({ locals, url, request }) => {
		const actor = requireStaff(locals, url);
		const form = await superValidate(request, schema);
		if (!form.valid) return fail(400, { form });

		try {
			const moved = await work.assign(actor, form.data.reportIds, form.data.officeId);
			form.data.reportIds = [];
			return message(form, m.staff_report_assigned({ count: moved }));
		} catch (failure) {
			if (!(failure instanceof DomainError)) throw failure;
			const field = failure.code === 'unknown_office' ? 'officeId' : '';
			form.valid = false;
			if (field) form.errors.officeId = [staffRefusal(failure.code)];
			else form.errors._errors = [staffRefusal(failure.code)];
			return fail(400, { form });
		}
	}
};
