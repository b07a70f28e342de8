import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { reportRefusal } from '$lib/report-labels';
import { actorOf, signInFirst } from '$lib/server/actor';
import { DomainError } from '$lib/server/errors';
import * as notifications from '$lib/server/notifications';
import * as reports from '$lib/server/reports';
import type { Actions, PageServerLoad } from './$types';

/** The public number from the path, or a 404 for anything that cannot be one. */
function reportNumber(param: string): number {
	const number = /^[1-9]\d{0,14}$/.test(param) ? Number(param) : NaN;
	if (!Number.isSafeInteger(number)) error(404, m.report_page_not_found());
	return number;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = actorOf(locals);
	const number = reportNumber(params.number);
	const report = await reports.read(actor, number);
	if (!report) error(404, m.report_page_not_found());

	const repair = await reports.repair(actor, report.id);
	// Seeing the page is reading what its notifications said; the header's count, read by the
	// layout at the same time, is replaced by the one after that.
	let unreadNotifications: number | undefined;
	if (actor) {
		await notifications.markReportRead(actor, report.id);
		unreadNotifications = await notifications.unreadCount(actor);
	}

	return {
		report,
		repair,
		isStaff: actor?.roles.includes('staff') ?? false,
		created: url.searchParams.get('created') === '1',
		unreadNotifications
	};
};

/**
 * Follow, unfollow and "me too" as plain form posts. A visitor is sent to sign in and back to
 * the page; a refusal (one's own report, a report no longer open) comes back as a sentence.
 */
function reportAction(verb: 'follow' | 'unfollow' | 'meToo') {
	return async ({ locals, url, params }: RequestEvent) => {
		const actor = actorOf(locals);
		if (!actor) signInFirst(url);
		const report = await reports.read(actor, reportNumber(params.number ?? ''));
		if (!report) return fail(404, { error: m.report_page_error_missing() });

		try {
			if (verb === 'meToo') await reports.meToo(actor, report.id);
			else await reports.follow(actor, report.id, verb === 'follow');
			return { done: verb };
		} catch (failure) {
			if (failure instanceof DomainError) return fail(400, { error: reportRefusal(failure.code) });
			throw failure;
		}
	};
}

export const actions: Actions = {
	follow: reportAction('follow'),
	unfollow: reportAction('unfollow'),
	meToo: reportAction('meToo')
};
