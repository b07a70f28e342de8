import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { getSessionUser } from '$lib/server/auth';
import { db } from '$lib/server/db';
import { startMailSender } from '$lib/server/mail/sender';
import { m } from '$lib/paraglide/messages';
import { paraglideMiddleware } from '$lib/paraglide/server';

const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	// The report and entry forms may ask for the person's position and open the camera.
	'Permissions-Policy': 'geolocation=(self), camera=(self)'
};

/**
 * Outermost: gives the request its id and writes the one log line per request once the
 * response (or the failure) is known. The line carries no email, password, token or location.
 */
const logRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = crypto.randomUUID();

	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		return response;
	} finally {
		console.log(
			JSON.stringify({
				requestId: event.locals.requestId,
				method: event.request.method,
				route: event.route.id,
				status,
				ms: Math.round(performance.now() - started),
				userId: event.locals.user?.id ?? null
			})
		);
	}
};

// The form content types a browser can post to another site (SvelteKit's list).
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];
/**
 * Form posts that may come from anywhere: RFC 8058 one-click unsubscribe, proven by its token;
 * Open311 service requests, which other cities' servers post with an API key and no Origin.
 */
const CROSS_SITE_FORM_PATHS = new Set([
	'/api/unsubscribe',
	'/open311/v2/requests.xml',
	'/open311/v2/requests.json'
]);

/**
 * SvelteKit's check that form posts come from this site (csrf.trustedOrigins is '*' in
 * svelte.config.js), made here so that one endpoint can be left out: mail providers post the
 * one-click unsubscribe of RFC 8058 from their servers, without an Origin header. That endpoint
 * reads no cookie, so a forged post can do nothing a leaked email link could not. Open311's
 * POST reads no cookie either: only its api_key lets it file a report.
 */
const checkOrigin: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	const forbidden =
		!dev &&
		['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) &&
		FORM_TYPES.includes(type) &&
		request.headers.get('origin') !== url.origin &&
		!CROSS_SITE_FORM_PATHS.has(url.pathname);
	if (forbidden) {
		const message = `Cross-site ${request.method} form submissions are forbidden`;
		return request.headers.get('accept') === 'application/json'
			? Response.json({ message }, { status: 403 })
			: new Response(message, { status: 403 });
	}
	return resolve(event);
};

// Japanese at plain URLs, English under /en: the middleware picks the locale from the URL and
// hands SvelteKit the URL without its prefix.
const localize: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const authenticate: Handle = async ({ event, resolve }) => {
	const { user, sessionId } = await getSessionUser(event);
	event.locals.user = user;
	event.locals.sessionId = sessionId;
	return resolve(event);
};

// The Content-Security-Policy comes from kit.csp in svelte.config.js, which can add nonces.
const secure: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = { ...SECURITY_HEADERS, 'x-request-id': event.locals.requestId };
	try {
		return withHeaders(response, headers);
	} catch {
		// A Response passed through from fetch() has immutable headers; a copy does not.
		return withHeaders(new Response(response.body, response), headers);
	}
};

function withHeaders(response: Response, headers: Record<string, string>): Response {
	for (const [name, value] of Object.entries(headers)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
}

// Open the database (and apply migrations, and seed the embedded one) when the server starts,
// not on the first request.
export const init: ServerInit = async () => {
	const { kind, migrations } = await db();
	console.log(JSON.stringify({ job: 'database_ready', database: kind, migrations }));
	startMailSender();
};

export const handle = sequence(logRequest, checkOrigin, secure, localize, authenticate);

/**
 * Unexpected errors: logged once with the request id, and answered with a plain apology that
 * carries the same id, so a person who writes in can be matched with the log. Never a stack or
 * SQL in the response.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const requestId = event.locals.requestId;
	if (status === 404) return { message: m.error_not_found(), requestId };

	console.error(
		JSON.stringify({
			requestId,
			route: event.route.id,
			status,
			error:
				error instanceof Error
					? { name: error.name, message: error.message, stack: error.stack }
					: String(error)
		})
	);
	return { message: m.error_unexpected(), requestId };
};
