import { readInsightsQuery } from '$lib/schemas/insights';
import * as insights from '$lib/server/insights';
import { requireInsightsReader } from './access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireInsightsReader(locals, url);
	const query = readInsightsQuery(url);

	const [figures, places] = await Promise.all([
		insights.readStaff(actor, query.filter),
		insights.places(actor)
	]);

	return { query, insights: figures, ...places, target: insights.reporterTarget() };
};
