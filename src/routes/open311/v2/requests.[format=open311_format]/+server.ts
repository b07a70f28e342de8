import { newRequestSchema, problem, requestsQuerySchema } from '$lib/schemas/open311';
import { answer, Open311Error, parameters, respond, wrongMethod } from '$lib/server/open311/http';
import * as requests from '$lib/server/open311/requests';
import type { RequestHandler } from './$types';

/** Service requests: the city's reports, filtered and paged. */
export const GET: RequestHandler = ({ params, url }) =>
	respond(params.format, async () => {
		const query = requestsQuerySchema.safeParse(parameters(url.searchParams));
		if (!query.success) throw new Open311Error(400, problem(query.error));

		return answer(params.format, 'service_requests', await requests.list(query.data, url.origin));
	});

/**
 * A new service request from another system: a form-encoded body with an api_key. Other
 * systems post from their servers without an Origin header, so this is the one path that
 * hooks.server.ts exempts from the cross-site form check; the key is its protection.
 */
export const POST: RequestHandler = ({ params, request }) =>
	respond(params.format, async () => {
		const body = parameters(await formFields(request));
		if (!body.api_key || !(await requests.keyActive(body.api_key))) {
			throw new Open311Error(
				403,
				'Invalid api_key received -- can not proceed with create_request.'
			);
		}
		const input = newRequestSchema.safeParse(body);
		if (!input.success) throw new Open311Error(400, problem(input.error));

		return answer(
			params.format,
			'service_requests',
			await requests.create(body.api_key, input.data)
		);
	});

/** The text fields of a form-encoded (or multipart) body; an unreadable body is a 400. */
async function formFields(request: Request): Promise<[string, string][]> {
	const form = await request.formData().catch(() => {
		throw new Open311Error(400, 'the body must be application/x-www-form-urlencoded');
	});
	return [...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/** Any other method: the specification's error, not SvelteKit's plain 405. */
export const fallback: RequestHandler = ({ params, request }) =>
	wrongMethod(params.format === 'json' ? 'json' : 'xml', request.method, 'GET, POST');
