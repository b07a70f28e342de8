import { readInsightsQuery } from '$lib/schemas/insights';
import * as insights from '$lib/server/insights';
import type { PageServerLoad } from './$types';

// The public dashboard reads as a visitor whoever asks, so that it is the same page for
// everybody and can never show more than the public may see.
export const load: PageServerLoad = async ({ locals, url }) => {
	const query = readInsightsQuery(url);

	const [figures, places] = await Promise.all([
		insights.readPublic(null, query.filter),
		insights.places(null)
	]);

	const roles = locals.user?.roles ?? [];
	const canReadStaff = roles.includes('staff') || roles.includes('organiser');
	return { query, insights: figures, ...places, target: insights.reporterTarget(), canReadStaff };
};
