import { localeQuerySchema, problem } from '$lib/schemas/open311';
import { answer, Open311Error, parameters, respond, wrongMethod } from '$lib/server/open311/http';
import * as services from '$lib/server/open311/services';
import type { RequestHandler } from './$types';

/** The service list: the city's report categories. */
export const GET: RequestHandler = ({ params, url }) =>
	respond(params.format, async () => {
		const query = localeQuerySchema.safeParse(parameters(url.searchParams));
		if (!query.success) throw new Open311Error(400, problem(query.error));

		return answer(params.format, 'services', await services.list(query.data.locale));
	});

/** Any other method: the specification's error, not SvelteKit's plain 405. */
export const fallback: RequestHandler = ({ params, request }) =>
	wrongMethod(params.format === 'json' ? 'json' : 'xml', request.method, 'GET');
