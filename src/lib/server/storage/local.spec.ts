import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPhotoStore, isValidPhotoKey, newPhotoKey, type PhotoStore } from './index';
import { LocalPhotoStore } from './local';
import { SupabasePhotoStore } from './supabase';

let directory: string;
let store: PhotoStore;

beforeEach(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'photo-store-'));
	store = new LocalPhotoStore(path.join(directory, 'photos-root'));
});

afterEach(async () => {
	await rm(directory, { recursive: true, force: true });
});

describe('photo keys', () => {
	it('are fresh, server-made and valid', () => {
		const [a, b] = [newPhotoKey(), newPhotoKey()];

		expect(a).toMatch(/^photos\/[0-9a-f-]{36}$/);
		expect(a).not.toBe(b);
		expect(isValidPhotoKey(a)).toBe(true);
	});

	it.each([
		'',
		'photos/',
		'photos/../../etc/passwd',
		'../photos/0b6c3e7e-6e2b-4b4f-9c1e-2f6a1d9e8c7b',
		'photos/0b6c3e7e-6e2b-4b4f-9c1e-2f6a1d9e8c7b/../../x',
		'/photos/0b6c3e7e-6e2b-4b4f-9c1e-2f6a1d9e8c7b',
		'photos/0B6C3E7E-6E2B-4B4F-9C1E-2F6A1D9E8C7B',
		'photos/0b6c3e7e-6e2b-4b4f-9c1e-2f6a1d9e8c7b\n',
		'photos\\0b6c3e7e-6e2b-4b4f-9c1e-2f6a1d9e8c7b'
	])('refuse %j', (key) => {
		expect(isValidPhotoKey(key)).toBe(false);
	});
});

describe('LocalPhotoStore', () => {
	it('keeps bytes under the key, in the same layout as the bucket', async () => {
		const key = newPhotoKey();
		await store.put(key, Buffer.from('jpeg bytes'), 'image/jpeg');

		expect(await store.get(key)).toEqual(Buffer.from('jpeg bytes'));
		expect(await readFile(path.join(directory, 'photos-root', key), 'utf8')).toBe('jpeg bytes');
	});

	it('replaces what a key held and leaves no partial files behind', async () => {
		const key = newPhotoKey();
		await store.put(key, Buffer.from('first'), 'image/jpeg');
		await store.put(key, Buffer.from('second'), 'image/jpeg');

		expect(await store.get(key)).toEqual(Buffer.from('second'));
		expect(await readdir(path.join(directory, 'photos-root', 'photos'))).toEqual([key.slice(7)]);
	});

	it('answers null for a key that holds nothing', async () => {
		expect(await store.get(newPhotoKey())).toBeNull();
	});

	it('removes a photo, and removing it again is not an error', async () => {
		const key = newPhotoKey();
		await store.put(key, Buffer.from('bytes'), 'image/jpeg');

		await store.remove(key);
		await store.remove(key);

		expect(await store.get(key)).toBeNull();
	});

	it('refuses keys it did not make, before touching the disk', async () => {
		const escape = 'photos/../../escaped';

		await expect(store.put(escape, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(RangeError);
		await expect(store.get(escape)).rejects.toThrow(RangeError);
		await expect(store.remove(escape)).rejects.toThrow(RangeError);
		expect(await readdir(directory)).toEqual([]);
	});
});

describe('createPhotoStore', () => {
	it('keeps photos on local disk when no Supabase project is configured', () => {
		const chosen = createPhotoStore({ PHOTO_DIR: path.join(directory, 'elsewhere') });

		expect(chosen).toBeInstanceOf(LocalPhotoStore);
		expect((chosen as LocalPhotoStore).directory).toBe(path.join(directory, 'elsewhere'));
	});

	it('defaults the local directory to data/photos', () => {
		const chosen = createPhotoStore({ SUPABASE_URL: 'http://127.0.0.1:1' });

		expect((chosen as LocalPhotoStore).directory).toBe(path.resolve('data/photos'));
	});

	it('uses Supabase Storage when its URL and service role key are both set', () => {
		const chosen = createPhotoStore({
			SUPABASE_URL: 'http://127.0.0.1:1',
			SUPABASE_SERVICE_ROLE_KEY: 'service-role'
		});

		expect(chosen).toBeInstanceOf(SupabasePhotoStore);
	});
});
