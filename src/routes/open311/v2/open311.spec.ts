import { beforeAll, describe, expect, it } from 'vitest';
import { asSystem, asUser, type Actor } from '$lib/server/db';
import * as apiKeys from '$lib/server/api-keys';
import * as queue from '$lib/server/report-queue';
import * as reports from '$lib/server/reports';
import * as work from '$lib/server/report-work';
import {
	CHUO,
	createPerson,
	ensurePlaces,
	uniquePerson,
	useTestDatabase
} from '$lib/server/testing';
import * as discoveryRoute from './discovery.[format=open311_format]/+server';
import * as servicesRoute from './services.[format=open311_format]/+server';
import * as serviceRoute from './services/[file]/+server';
import * as requestsRoute from './requests.[format=open311_format]/+server';
import * as requestRoute from './requests/[file]/+server';
import * as tokenRoute from './tokens/[file]/+server';
import * as otherRoute from './[...path]/+server';
import { example, exampleStatus, lenientJson, names, shape, types, xml } from './shapes';

// Every endpoint of GeoReport v2 in both formats, compared with the specification's own examples
// (../shared/data/open311/spec_examples) by shape: element and key names, nesting, value types.

type Format = 'xml' | 'json';
type Handler = (event: never) => Response | Promise<Response>;

const ORIGIN = 'http://localhost:3000';
const ICHIHARA = { lon: 140.1155, lat: 35.498 };
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/;

let admin: Actor;
let staff: Actor;
let key: string;
/** A category of this file's own, so that other specs' reports never fall into its lists. */
let code: string;
let otherCode: string;

async function call(
	handler: Handler,
	path: string,
	params: Record<string, string>,
	body?: Record<string, string>
): Promise<Response> {
	const url = new URL(path, ORIGIN);
	const request = body
		? new Request(url, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(body)
			})
		: new Request(url);
	return handler({ params, url, request, locals: { user: null, sessionId: null } } as never);
}

const getRequests = (format: Format, query = '') =>
	call(requestsRoute.GET as Handler, `/open311/v2/requests.${format}${query}`, { format });

const post = (format: Format, body: Record<string, string>) =>
	call(requestsRoute.POST as Handler, `/open311/v2/requests.${format}`, { format }, body);

/** The body of an answer, parsed: JSON must be valid JSON, XML well-formed. */
async function read(response: Response, format: Format): Promise<unknown> {
	const text = await response.text();
	expect(response.headers.get('content-type')).toBe(
		format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8'
	);
	return format === 'xml' ? xml(text) : JSON.parse(text);
}

/** The example of `name` in a format: json_service_list.json, xml_service_list.xml. */
function spec(name: string, format: Format): unknown {
	const file = `${format}_${name}`;
	if (format === 'xml') return xml(example(`${file}.${name === 'errors' ? 'txt' : 'xml'}`));
	return lenientJson(example(`${file}.${name === 'errors' ? 'txt' : 'json'}`));
}

/** Same names and nesting as the example; in JSON, each value of the example's type or null. */
function expectSameShape(ours: unknown, theirs: unknown, format: Format, stringIds: string[] = []) {
	expect(names(shape(ours)).sort()).toEqual(names(shape(theirs)).sort());
	if (format === 'xml') return;

	const expected = types(shape(theirs));
	for (const [path, type] of Object.entries(types(shape(ours)))) {
		const allowed = stringIds.includes(path) ? ['string'] : [expected[path], 'null'];
		if (expected[path] !== 'null') expect(allowed, path).toContain(type);
	}
}

async function newReport(description = 'Open311 spec report'): Promise<number> {
	const response = await post('json', {
		api_key: key,
		service_code: code,
		lat: String(CHUO.lat),
		long: String(CHUO.lon + Math.random() * 0.005),
		description
	});
	expect(response.status).toBe(200);
	const [made] = (await response.json()) as { service_request_id: number }[];
	return made.service_request_id;
}

beforeAll(async () => {
	await useTestDatabase();
	await ensurePlaces();
	admin = await createPerson(['admin']);
	staff = await createPerson(['staff']);
	key = (await apiKeys.create(admin, 'Spec system')).key;
	const tag = uniquePerson('o').nickname;
	code = `o311-${tag}`;
	otherCode = `o311b-${tag}`;
	await asSystem('spec-categories', async (tx) => {
		for (const c of [code, otherCode]) {
			await tx`insert into public.categories (code, group_code, name_ja, name_en, help_ja, help_en)
				values (${c}, 'road', '道路の穴', 'Pothole', '道路に穴があいている', 'A hole in the road')`;
		}
	});
});

describe.each<Format>(['xml', 'json'])('Open311 in %s', (format) => {
	const list = (body: unknown, root: string, item: string): Record<string, unknown>[] =>
		format === 'xml'
			? ((body as Record<string, Record<string, Record<string, unknown>[]>>)[root]?.[item] ?? [])
			: (body as Record<string, unknown>[]);

	it('discovery names the endpoint, its formats and where to get a key', async () => {
		const response = await call(discoveryRoute.GET as Handler, `/open311/v2/discovery.${format}`, {
			format
		});
		const body = (await read(response, format)) as Record<string, unknown>;
		const document = (format === 'xml' ? body.discovery : body) as Record<string, unknown>;

		expect(Object.keys(document).sort()).toEqual([
			'changeset',
			'contact',
			'endpoints',
			'key_service'
		]);
		const endpoints = (
			format === 'xml'
				? (document.endpoints as { endpoint: unknown[] }).endpoint
				: document.endpoints
		) as Record<string, unknown>[];
		expect(endpoints[0]).toMatchObject({ url: `${ORIGIN}/open311/v2`, type: 'production' });
		expect(document.changeset).toMatch(W3C);
	});

	it('lists the categories as services, shaped as the example', async () => {
		const response = await call(servicesRoute.GET as Handler, `/open311/v2/services.${format}`, {
			format
		});
		const body = await read(response, format);

		expect(response.status).toBe(200);
		expectSameShape(body, spec('service_list', format), format, ['[].service_code']);
		const services = list(body, 'services', 'service');
		expect(services.find((s) => s.service_code === code)).toMatchObject({
			service_name: '道路の穴',
			group: 'road',
			metadata: format === 'xml' ? 'false' : false
		});
	});

	it('defines a service with no attributes, and a missing one is a 404', async () => {
		const response = await call(serviceRoute.GET as Handler, '', { file: `${code}.${format}` });
		const body = (await read(response, format)) as Record<string, unknown>;
		const document = format === 'xml' ? body.service_definition : body;
		const theirs = spec('service_definition', format) as Record<string, unknown>;

		expect(Object.keys(document as object).sort()).toEqual(
			Object.keys(format === 'xml' ? (theirs.service_definition as object) : theirs).sort()
		);
		expect(document).toEqual({ service_code: code, attributes: format === 'xml' ? '' : [] });

		const missing = await call(serviceRoute.GET as Handler, '', { file: `nothing.${format}` });
		expect(missing.status).toBe(404);
		expectSameShape(await read(missing, format), spec('errors', format), format);
	});

	it('files a request for a valid key, shaped as the example, with the token of the report', async () => {
		const response = await post(format, {
			api_key: key,
			service_code: code,
			lat: String(CHUO.lat),
			long: String(CHUO.lon),
			address_string: '千葉市中央区千葉港1-1',
			description: 'Pothole at the corner',
			media_url: 'https://example.org/photos/1.jpg',
			email: 'caller@example.org',
			first_name: 'Hanako',
			last_name: 'Chiba',
			phone: '043-245-5111',
			device_id: 'abc',
			'attribute[WHISPAWN]': '1'
		});
		const body = await read(response, format);

		expect(response.status).toBe(200);
		const [made] = list(body, 'service_requests', 'request');
		const withoutToken =
			format === 'xml'
				? { service_requests: { request: [{ ...made, token: undefined }] } }
				: [{ ...made, token: undefined }];
		expectSameShape(
			JSON.parse(JSON.stringify(withoutToken)),
			spec('service_request_post', format),
			format
		);

		const tokenAnswer = await call(tokenRoute.GET as Handler, '', {
			file: `${made.token}.${format}`
		});
		const tokenBody = await read(tokenAnswer, format);
		expectSameShape(tokenBody, spec('request_from_token', format), format, ['[].token']);
		expect(String(list(tokenBody, 'service_requests', 'request')[0].service_request_id)).toBe(
			String(made.service_request_id)
		);

		const report = await reports.read(staff, Number(made.service_request_id));
		expect(report).toMatchObject({ channel: 'open311', reporterNickname: null, wardCode: '12101' });
		expect(await queue.caller(staff, report!.id)).toMatchObject({
			name: 'Hanako Chiba',
			phone: '043-245-5111',
			email: 'caller@example.org',
			// Shown to staff as a link on the work page.
			mediaUrl: 'https://example.org/photos/1.jpg'
		});
		const [{ label }] = await asSystem(
			'spec-key-of-report',
			(tx) => tx<{ label: string }[]>`select k.label from public.report_contacts rc
				join public.api_keys k on k.id = rc.api_key_id where rc.report_id = ${report!.id}`
		);
		expect(label).toBe('Spec system');
	});

	it('answers a service request as the example, with W3C datetimes and the open status', async () => {
		const number = await newReport();
		const response = await call(
			requestRoute.GET as Handler,
			`/open311/v2/requests/${number}.${format}`,
			{
				file: `${number}.${format}`
			}
		);
		const body = await read(response, format);

		expectSameShape(body, spec('service_request', format), format, ['[].service_code']);
		const [request] = list(body, 'service_requests', 'request');
		expect(request.status).toBe('open');
		expect(request.status_notes).toBe('received');
		expect(request.requested_datetime).toMatch(W3C);
		expect(request.updated_datetime).toMatch(W3C);
	});

	it('lists service requests as the example', async () => {
		await newReport();
		await newReport();
		const body = await read(await getRequests(format, `?service_code=${code}`), format);

		expect(list(body, 'service_requests', 'request').length).toBeGreaterThanOrEqual(2);
		expectSameShape(body, spec('service_requests', format), format, ['[].service_code']);
	});

	it('shows a finished report as closed, with its detailed status and public note', async () => {
		const number = await newReport();
		const report = await reports.read(staff, number);
		await work.changeStatus(staff, report!.id, {
			status: 'resolved',
			publicNote: '穴を埋めました'
		});

		const body = await read(await getRequests(format, `?service_request_id=${number}`), format);
		expect(list(body, 'service_requests', 'request')[0]).toMatchObject({
			status: 'closed',
			status_notes: 'resolved: 穴を埋めました'
		});
	});

	it('refuses a missing, wrong or revoked api_key with 403 in the example error shape', async () => {
		const revoked = await apiKeys.create(admin, 'Revoked system');
		const [row] = await asUser(
			admin,
			(tx) => tx<{ id: string }[]>`
			select id from public.api_keys where label = 'Revoked system' order by created_at desc limit 1`
		);
		await apiKeys.revoke(admin, row.id);

		for (const api_key of ['', 'mq_wrong', revoked.key]) {
			const response = await post(format, {
				api_key,
				service_code: code,
				description: 'x',
				lat: String(CHUO.lat),
				long: String(CHUO.lon)
			});
			expect(response.status).toBe(exampleStatus(`${format}_errors.txt`));
			expectSameShape(await read(response, format), spec('errors', format), format);
		}
	});

	it('refuses what a client sent wrong with 400, and never files it', async () => {
		const place = { lat: String(CHUO.lat), long: String(CHUO.lon) };
		const cases: [Record<string, string>, RegExp][] = [
			[{ ...place, description: 'x' }, /service_code/],
			[{ ...place, service_code: 'no-such-code', description: 'x' }, /service_code/],
			[{ ...place, service_code: code }, /description/],
			[{ ...place, service_code: code, description: 'あ'.repeat(4001) }, /4000/],
			[{ service_code: code, description: 'x' }, /location/],
			[{ lat: place.lat, service_code: code, description: 'x' }, /long/],
			[{ lat: 'north', long: place.long, service_code: code, description: 'x' }, /lat/],
			[{ ...place, service_code: code, description: 'x', media_url: 'ftp://x' }, /media_url/],
			[{ ...place, service_code: code, description: 'x', email: 'nope' }, /email/],
			[{ ...place, service_code: code, description: 'a\u0000b' }, /description contains a NUL/],
			[
				{
					lat: String(ICHIHARA.lat),
					long: String(ICHIHARA.lon),
					service_code: code,
					description: 'x'
				},
				/outside the city; the place belongs to Ichihara City/
			]
		];
		const filed = () =>
			asSystem(
				'spec-count',
				(tx) => tx<{ n: number }[]>`
				select count(*)::int as n from public.reports r join public.categories c on c.id = r.category_id
				where c.code = ${code}`
			);
		const [before] = await filed();
		for (const [body, description] of cases) {
			const response = await post(format, { api_key: key, ...body });
			const errors = list(await read(response, format), 'errors', 'error');
			expect(response.status, JSON.stringify(body)).toBe(400);
			expect(errors[0].description).toMatch(description);
			expect(String(errors[0].code)).toBe('400');
		}
		expect((await filed())[0]).toEqual(before);
	});

	it('refuses a body that is not a form with 400', async () => {
		const url = new URL(`/open311/v2/requests.${format}`, ORIGIN);
		const request = new Request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ api_key: key })
		});
		const response = await (requestsRoute.POST as Handler)({
			params: { format },
			url,
			request,
			locals: { user: null, sessionId: null }
		} as never);
		expect(response.status).toBe(400);
		expectSameShape(await read(response, format), spec('errors', format), format);
	});

	it('reads back a description with control characters as well-formed XML', async () => {
		const number = await newReport('穴 \u0001 <ここ> & \u0008 そこ');
		const response = await call(requestRoute.GET as Handler, '', { file: `${number}.${format}` });
		const [request] = list(await read(response, format), 'service_requests', 'request');
		expect(request.description).toBe(
			format === 'xml' ? '穴  <ここ> &  そこ' : '穴 \u0001 <ここ> & \u0008 そこ'
		);
	});

	it('accepts a description of exactly 4,000 characters, counting a CRLF as one', async () => {
		const response = await post(format, {
			api_key: key,
			service_code: code,
			lat: String(CHUO.lat),
			long: String(CHUO.lon),
			description: `${'あ'.repeat(3998)}\r\n😀`
		});
		expect(response.status).toBe(200);
	});

	it('treats empty parameters as absent', async () => {
		const response = await post(format, {
			api_key: key,
			service_code: code,
			lat: '',
			long: '',
			address_string: '千葉市中央区 市役所前',
			email: '',
			media_url: '',
			description: 'Only an address'
		});
		expect(response.status).toBe(200);
		const [made] = list(await read(response, format), 'service_requests', 'request');
		const number = String(made.service_request_id);

		const answer = await read(
			await getRequests(
				format,
				`?service_request_id=${number}&status=&service_code=&start_date=&page=`
			),
			format
		);
		// A place known only by its address has no position to give out.
		expect(list(answer, 'service_requests', 'request')[0]).toMatchObject({
			address: '千葉市中央区 市役所前',
			lat: format === 'xml' ? '' : null
		});
		// The ward the address names files it there, as the report form does with a ward.
		expect((await reports.read(null, Number(number)))?.wardCode).toBe('12101');

		const english = await post(format, {
			api_key: key,
			service_code: code,
			address_string: '1 Nakase, Mihama Ward, Chiba',
			description: 'Only an address in English'
		});
		const [filed] = list(await read(english, format), 'service_requests', 'request');
		expect((await reports.read(null, Number(filed.service_request_id)))?.wardCode).toBe('12106');
	});

	it('answers 404 for a missing request, token or resource, in the example error shape', async () => {
		const paths: [Handler, Record<string, string>][] = [
			[requestRoute.GET as Handler, { file: `999999999.${format}` }],
			[requestRoute.GET as Handler, { file: `abc.${format}` }],
			[tokenRoute.GET as Handler, { file: `00000000-0000-4000-8000-000000000000.${format}` }],
			[tokenRoute.GET as Handler, { file: `not-a-token.${format}` }],
			[otherRoute.GET as Handler, { path: `nothing/here.${format}` }]
		];
		for (const [handler, params] of paths) {
			const response = await call(handler, '/open311/v2/x', params);
			expect(response.status).toBe(404);
			expectSameShape(await read(response, format), spec('errors', format), format);
		}
	});

	it('answers a method a path does not take with the example error shape, naming the right one', async () => {
		const response = await call(
			tokenRoute.fallback as Handler,
			'/open311/v2/x',
			{ file: `not-a-token.${format}` },
			{ anything: 'x' }
		);
		expect(response.status).toBe(400);
		expect(response.headers.get('allow')).toBe('GET');
		expectSameShape(await read(response, format), spec('errors', format), format);
	});
});

describe('Open311 service request search', () => {
	const ids = async (query: string): Promise<number[]> => {
		const response = await getRequests('json', query);
		expect(response.status).toBe(200);
		return ((await response.json()) as { service_request_id: number }[]).map(
			(r) => r.service_request_id
		);
	};
	const refusal = async (query: string): Promise<string> => {
		const response = await getRequests('json', query);
		expect(response.status).toBe(400);
		return ((await response.json()) as { description: string }[])[0].description;
	};

	it('filters by ids (overriding every other filter), service code and status', async () => {
		const a = await newReport();
		const b = await newReport();

		expect((await ids(`?service_request_id=${a},${b}&service_code=${otherCode}`)).sort()).toEqual(
			[a, b].sort()
		);
		expect(await ids(`?service_code=${otherCode}`)).toEqual([]);
		expect(await ids(`?service_code=${code}&status=closed`)).not.toContain(a);
		expect(await ids(`?service_code=${code}&status=open`)).toContain(a);
		expect(await ids(`?service_code=${code}&status=open,closed`)).toContain(b);
	});

	it('covers the last 90 days without dates, and a given range of at most 90 days', async () => {
		const old = await newReport('From last spring');
		await asSystem(
			'spec-age',
			(tx) => tx`
			update public.reports set created_at = now() - interval '100 days' where number = ${old}`
		);
		const recent = await newReport();

		expect(await ids(`?service_code=${code}`)).toContain(recent);
		expect(await ids(`?service_code=${code}`)).not.toContain(old);
		const day = 86_400_000;
		const start = new Date(Date.now() - 120 * day).toISOString().slice(0, 10);
		expect(await ids(`?service_code=${code}&start_date=${start}`)).toContain(old);
		expect(await ids(`?service_code=${code}&start_date=${start}`)).not.toContain(recent);
		expect(await ids(`?service_code=${code}&service_request_id=${old}`)).toEqual([old]);

		expect(await refusal('?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z')).toMatch(
			/90 days/
		);
		expect(await refusal('?start_date=2026-02-01&end_date=2026-01-01')).toMatch(/after end_date/);
		expect(await refusal('?start_date=yesterday')).toMatch(/W3C/);
		// Years the database cannot hold (with the 90-day window added) are the client's mistake.
		expect(await refusal('?start_date=9999-12-31')).toMatch(/from 1900 to 9000/);
		expect(await refusal('?end_date=0001-01-01')).toMatch(/from 1900 to 9000/);
		expect(await refusal('?end_date=2026-02-30')).toMatch(/W3C/);
	});

	it('pages newest first with page and page_size, at most 1,000 a page', async () => {
		const made = [await newReport(), await newReport(), await newReport()];
		const newestFirst = [...made].reverse();

		expect(await ids(`?service_code=${code}&page_size=2`)).toEqual(newestFirst.slice(0, 2));
		expect((await ids(`?service_code=${code}&page_size=2&page=2`))[0]).toBe(newestFirst[2]);
		expect(await refusal('?page_size=1001')).toMatch(/at most 1000/);
		expect(await refusal('?page=0')).toMatch(/page/);
		expect(await refusal('?page=999999999999999')).toMatch(/page is at most/);
		expect(await refusal('?status=pending')).toMatch(/open or closed/);
		expect(await refusal('?service_request_id=1,x')).toMatch(/service_request_id/);
		expect(await refusal('?service_code=a%00b')).toMatch(/NUL/);
	});
});
