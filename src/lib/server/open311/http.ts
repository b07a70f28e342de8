// Answers of the Open311 endpoints, and their errors as the specification shapes them: a list
// of {code, description} with 404 for a missing resource, 403 for a missing or bad api_key and
// 400 for anything else a client sent wrong (https://wiki.open311.org/GeoReport_v2/#errors).
import { present } from '$lib/schemas/open311';
import { DomainError } from '../errors';
import { CONTENT_TYPES, isFormat, serialize, type Format, type Value } from './format';

/** A refusal the client caused, with the HTTP status and description of the specification. */
export class Open311Error extends Error {
	constructor(
		public readonly status: 400 | 403 | 404,
		description: string
	) {
		super(description);
		this.name = 'Open311Error';
	}
}

/** Splits `requests.json` into its name and format; null when the suffix is not a format. */
export function splitFile(file: string): { name: string; format: Format } | null {
	const dot = file.lastIndexOf('.');
	const format = file.slice(dot + 1);
	if (dot < 1 || !isFormat(format)) return null;
	return { name: file.slice(0, dot), format };
}

/**
 * The parameters that have a value (an empty one counts as absent). A NUL character, which no
 * PostgreSQL text can hold, is the client's mistake, not a reason for a 500.
 */
export function parameters(entries: Iterable<[string, string]>): Record<string, string> {
	const params = present(entries);
	const bad = Object.keys(params).find((name) => params[name].includes('\u0000'));
	if (bad) throw new Open311Error(400, `${bad} contains a NUL character`);
	return params;
}

export function answer(format: Format, root: string, value: Value, status = 200): Response {
	return new Response(serialize(format, root, value), {
		status,
		headers: { 'content-type': CONTENT_TYPES[format], 'cache-control': 'no-store' }
	});
}

export function errorAnswer(format: Format, status: number, description: string): Response {
	return answer(format, 'errors', [{ code: status, description }], status);
}

/**
 * A method the path does not take: the specification's error list with 400 (its rule for every
 * mistake but a missing resource or key), naming the methods that work in `Allow` as well.
 */
export function wrongMethod(format: Format, method: string, allowed: string): Response {
	const response = errorAnswer(format, 400, `${method} is not used here; use ${allowed}`);
	response.headers.set('allow', allowed);
	return response;
}

/** The format a `<name>.<format>` path asks for, XML (the specification's default) otherwise. */
export function formatOf(file: string | undefined): Format {
	return file?.endsWith('.json') ? 'json' : 'xml';
}

/** What each refusal of the database means to the client. */
const REFUSALS: Record<string, [400 | 403, string]> = {
	invalid_api_key: [403, 'Invalid api_key received -- can not proceed with create_request.'],
	unknown_category: [400, 'service_code is not a service of this city'],
	description_required: [400, 'description is required'],
	location_required: [400, 'a location is required: lat and long, or address_string'],
	outside_city: [400, 'the location is outside the city']
};

/**
 * Runs an endpoint and turns the client's mistakes into the specification's errors. Anything
 * else is a fault of ours and goes on to SvelteKit's handleError (logged, 500).
 */
export async function respond(format: Format, work: () => Promise<Response>): Promise<Response> {
	try {
		return await work();
	} catch (failure) {
		if (failure instanceof Open311Error) {
			return errorAnswer(format, failure.status, failure.message);
		}
		if (failure instanceof DomainError && Object.hasOwn(REFUSALS, failure.code)) {
			const [status, description] = REFUSALS[failure.code];
			return errorAnswer(format, status, description);
		}
		throw failure;
	}
}
