import { error } from '@sveltejs/kit';
import { exportFilterSchemas, parseFileName, wantsBom } from '$lib/schemas/open-data';
import { queryOf, queryProblem } from '$lib/schemas/report-map';
import { contentType, download, fileName, offers } from '$lib/server/open-data';
import type { RequestHandler } from './$types';

/** The dataset and format a path names, and its parsed filters; 404 or 400 otherwise. */
function requested(file: string, url: URL) {
	const named = parseFileName(file);
	if (!named || !offers(named.dataset, named.format)) error(404, 'No such dataset');

	const filter = exportFilterSchemas[named.dataset].safeParse(queryOf(url));
	if (!filter.success) error(400, `Bad query: ${queryProblem(filter.error)}`);

	const spreadsheet = named.format === 'csv' && wantsBom(url.searchParams);
	return { ...named, filter: filter.data, spreadsheet };
}

function headers(type: string, name: string) {
	return {
		'content-type': type,
		'content-disposition': `attachment; filename="${name}"`,
		'cache-control': 'no-store'
	};
}

/**
 * A dataset as a streamed download: `/data/reports.csv`, `/data/assets.geojson` …, with the
 * dataset's filters as query parameters and `?bom=1` for spreadsheet software. A download is
 * the same public data whoever asks: it is always read as a visitor.
 */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const { dataset, format, filter, spreadsheet } = requested(params.file, url);

	const started = download(dataset, format, filter, {
		origin: url.origin,
		spreadsheet,
		// Headers are gone by the time a later batch fails: log it once; the download breaks off.
		onError: (failure) => logFailure(locals.requestId, failure)
	});
	if (!started) error(503, 'Too many downloads at once; try again in a minute');

	return new Response(started.body, { headers: headers(started.contentType, started.fileName) });
};

/** Without this, SvelteKit would answer HEAD by running GET and dropping its body unread. */
export const HEAD: RequestHandler = async ({ params, url }) => {
	const { dataset, format, spreadsheet } = requested(params.file, url);
	return new Response(null, {
		headers: headers(contentType(format), fileName(dataset, format, spreadsheet))
	});
};

function logFailure(requestId: string, failure: unknown) {
	console.error(
		JSON.stringify({
			requestId,
			route: '/data/[file]',
			error:
				failure instanceof Error
					? { name: failure.name, message: failure.message }
					: String(failure)
		})
	);
}
