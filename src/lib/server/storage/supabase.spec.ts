import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newPhotoKey } from './keys';
import { SupabasePhotoStore } from './supabase';

interface Recorded {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: Buffer;
}

/**
 * Stands in for Supabase's Storage REST API only, answering the routes supabase-js calls with the
 * bodies the API documents, over real HTTP.
 */
const objects = new Map<string, { bytes: Buffer; contentType: string }>();
const requests: Recorded[] = [];
let failUploads = false;
let notFoundStyle: 'legacy' | 'current' = 'legacy';
let server: Server;
let store: SupabasePhotoStore;

const SERVICE_ROLE_KEY = 'test-service-role-key';
const PREFIX = '/storage/v1/object/city-photos';

beforeAll(async () => {
	server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			const { method = '', url = '', headers } = request;
			requests.push({ method, url, headers, body });
			const json = (status: number, value: unknown) => {
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify(value));
			};

			const name = decodeURIComponent(url.slice(PREFIX.length + 1));
			if (method === 'POST' && url.startsWith(`${PREFIX}/`)) {
				if (failUploads) {
					json(500, { statusCode: '500', error: 'internal', message: 'Internal Server Error' });
					return;
				}
				objects.set(name, { bytes: body, contentType: String(headers['content-type']) });
				json(200, { Id: crypto.randomUUID(), Key: `city-photos/${name}` });
			} else if (method === 'GET' && url.startsWith(`${PREFIX}/`)) {
				const object = objects.get(name);
				if (object) {
					response.writeHead(200, { 'content-type': object.contentType });
					response.end(object.bytes);
				} else if (notFoundStyle === 'legacy') {
					json(400, { statusCode: '404', error: 'not_found', message: 'Object not found' });
				} else {
					json(404, { statusCode: '404', code: 'NoSuchKey', message: 'Object not found' });
				}
			} else if (method === 'DELETE' && url === PREFIX) {
				const { prefixes } = JSON.parse(body.toString()) as { prefixes: string[] };
				const removed = prefixes.filter((prefix) => objects.delete(prefix));
				json(
					200,
					removed.map((prefix) => ({ name: prefix, bucket_id: 'city-photos' }))
				);
			} else {
				json(400, { statusCode: '400', error: 'unexpected', message: `${method} ${url}` });
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	store = new SupabasePhotoStore({
		url: `http://127.0.0.1:${port}`,
		serviceRoleKey: SERVICE_ROLE_KEY,
		bucket: 'city-photos'
	});
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	objects.clear();
	requests.length = 0;
	failUploads = false;
	notFoundStyle = 'legacy';
});

describe('SupabasePhotoStore', () => {
	it('uploads with the service role key, the content type and upsert', async () => {
		const key = newPhotoKey();
		await store.put(key, Buffer.from('jpeg bytes'), 'image/jpeg');

		expect(requests).toHaveLength(1);
		const [upload] = requests;
		expect(upload.method).toBe('POST');
		expect(upload.url).toBe(`${PREFIX}/${key}`);
		expect(upload.headers).toMatchObject({
			apikey: SERVICE_ROLE_KEY,
			authorization: `Bearer ${SERVICE_ROLE_KEY}`,
			'content-type': 'image/jpeg',
			'x-upsert': 'true'
		});
		expect(upload.body.toString()).toBe('jpeg bytes');
	});

	it('downloads what was uploaded', async () => {
		const key = newPhotoKey();
		await store.put(key, Buffer.from([0xff, 0xd8, 0xff, 0x00]), 'image/jpeg');

		expect(await store.get(key)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0x00]));
		expect(requests.at(-1)).toMatchObject({ method: 'GET', url: `${PREFIX}/${key}` });
	});

	it('answers null for a missing object in the older error shape', async () => {
		expect(await store.get(newPhotoKey())).toBeNull();
	});

	it('answers null for a missing object in the current error shape', async () => {
		notFoundStyle = 'current';
		expect(await store.get(newPhotoKey())).toBeNull();
	});

	it('removes by prefix list, and removing a missing object is not an error', async () => {
		const key = newPhotoKey();
		await store.put(key, Buffer.from('bytes'), 'image/jpeg');

		await store.remove(key);
		await store.remove(key);

		const removals = requests.filter((request) => request.method === 'DELETE');
		expect(removals).toHaveLength(2);
		expect(removals[0].url).toBe(PREFIX);
		expect(JSON.parse(removals[0].body.toString())).toEqual({ prefixes: [key] });
		expect(await store.get(key)).toBeNull();
	});

	it('throws when Storage refuses an upload', async () => {
		failUploads = true;

		await expect(store.put(newPhotoKey(), Buffer.from('x'), 'image/jpeg')).rejects.toThrow(
			'Supabase Storage refused the upload'
		);
	});

	it('refuses keys it did not make without sending a request', async () => {
		const escape = 'photos/../../other-bucket/secret';

		await expect(store.put(escape, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(RangeError);
		await expect(store.get(escape)).rejects.toThrow(RangeError);
		await expect(store.remove(escape)).rejects.toThrow(RangeError);
		expect(requests).toEqual([]);
	});
});
