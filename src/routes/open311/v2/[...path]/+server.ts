import { errorAnswer } from '$lib/server/open311/http';
import type { RequestHandler } from './$types';

/** Any other path under the endpoint: the specification's 404, in the format its suffix asks for. */
const notFound: RequestHandler = ({ params }) =>
	errorAnswer(params.path.endsWith('.json') ? 'json' : 'xml', 404, 'no such resource');

export const GET = notFound;
export const POST = notFound;
