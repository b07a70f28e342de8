import { env } from '$env/dynamic/private';
import { answer, wrongMethod } from '$lib/server/open311/http';
import type { RequestHandler } from './$types';

/** When this endpoint last changed in a way clients should know. */
const CHANGESET = '2026-12-04T00:00:00+09:00';

/** Discovery (http://wiki.open311.org/Service_Discovery): where the endpoint is and how to get a key. */
export const GET: RequestHandler = ({ params, url }) =>
	answer(params.format, 'discovery', {
		changeset: CHANGESET,
		contact: env.OPEN311_CONTACT || url.origin,
		key_service: env.OPEN311_KEY_SERVICE || 'Ask the administrators of this city for an API key.',
		endpoints: [
			{
				specification: 'http://wiki.open311.org/GeoReport_v2',
				url: `${url.origin}/open311/v2`,
				changeset: CHANGESET,
				type: 'production',
				formats: ['text/xml', 'application/json']
			}
		]
	});

/** Any other method: the specification's error, not SvelteKit's plain 405. */
export const fallback: RequestHandler = ({ params, request }) =>
	wrongMethod(params.format === 'json' ? 'json' : 'xml', request.method, 'GET');
