import { localeQuerySchema, problem } from '$lib/schemas/open311';
import {
	answer,
	errorAnswer,
	formatOf,
	Open311Error,
	parameters,
	respond,
	splitFile,
	wrongMethod
} from '$lib/server/open311/http';
import * as requests from '$lib/server/open311/requests';
import type { RequestHandler } from './$types';

/** One service request: `requests/{service_request_id}.{format}`, as a list of one. */
export const GET: RequestHandler = ({ params, url }) => {
	const file = splitFile(params.file);
	if (!file) return errorAnswer('xml', 404, 'no such resource: the path ends in .xml or .json');

	return respond(file.format, async () => {
		const query = localeQuerySchema.safeParse(parameters(url.searchParams));
		if (!query.success) throw new Open311Error(400, problem(query.error));
		const number = /^[0-9]{1,15}$/.test(file.name) ? Number(file.name) : null;
		const found = number && (await requests.read(number, query.data.locale, url.origin));
		if (!found) throw new Open311Error(404, `service_request_id ${file.name} not found`);

		return answer(file.format, 'service_requests', found);
	});
};

/** Any other method: the specification's error, not SvelteKit's plain 405. */
export const fallback: RequestHandler = ({ params, request }) =>
	wrongMethod(formatOf(params.file), request.method, 'GET');
