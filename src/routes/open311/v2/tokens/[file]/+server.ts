import {
	answer,
	errorAnswer,
	formatOf,
	Open311Error,
	respond,
	splitFile,
	wrongMethod
} from '$lib/server/open311/http';
import * as requests from '$lib/server/open311/requests';
import type { RequestHandler } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The service request id of a token: `tokens/{token}.{format}`. */
export const GET: RequestHandler = ({ params }) => {
	const file = splitFile(params.file);
	if (!file) return errorAnswer('xml', 404, 'no such resource: the path ends in .xml or .json');

	return respond(file.format, async () => {
		const found = UUID.test(file.name) && (await requests.fromToken(file.name));
		if (!found) throw new Open311Error(404, `token ${file.name} not found`);

		return answer(file.format, 'service_requests', found);
	});
};

/** Any other method: the specification's error, not SvelteKit's plain 405. */
export const fallback: RequestHandler = ({ params, request }) =>
	wrongMethod(formatOf(params.file), request.method, 'GET');
