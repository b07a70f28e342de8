import {
	answer,
	errorAnswer,
	formatOf,
	Open311Error,
	respond,
	splitFile,
	wrongMethod
} from '$lib/server/open311/http';
import * as services from '$lib/server/open311/services';
import type { RequestHandler } from './$types';

/** A service definition: `services/{service_code}.{format}`. */
export const GET: RequestHandler = ({ params }) => {
	const file = splitFile(params.file);
	if (!file) return errorAnswer('xml', 404, 'no such resource: the path ends in .xml or .json');

	return respond(file.format, async () => {
		const definition = await services.definition(file.name);
		if (!definition) throw new Open311Error(404, `service_code ${file.name} not found`);

		return answer(file.format, 'service_definition', definition);
	});
};

/** Any other method: the specification's error, not SvelteKit's plain 405. */
export const fallback: RequestHandler = ({ params, request }) =>
	wrongMethod(formatOf(params.file), request.method, 'GET');
