import { createClient, type WebSocketLikeConstructor } from '@supabase/supabase-js';
import WebSocket from 'ws';
import type { PhotoStore } from './index';
import { assertPhotoKey } from './keys';

export interface SupabasePhotoStoreOptions {
	url: string;
	serviceRoleKey: string;
	bucket: string;
}

type Bucket = ReturnType<ReturnType<typeof createClient>['storage']['from']>;

/** Keeps photos in a Supabase Storage bucket, reached with the service role key. */
export class SupabasePhotoStore implements PhotoStore {
	private readonly bucket: Bucket;

	constructor({ url, serviceRoleKey, bucket }: SupabasePhotoStoreOptions) {
		const client = createClient(url, serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
			// Realtime is never used, but on Node 20 the client will not start without a WebSocket.
			// The cast only hides ws's extra constructor overloads, which realtime-js never calls.
			realtime: { transport: WebSocket as unknown as WebSocketLikeConstructor }
		});
		this.bucket = client.storage.from(bucket);
	}

	async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
		assertPhotoKey(key);
		const { error } = await this.bucket.upload(key, bytes, {
			contentType,
			upsert: true,
			// A key is never reused for another picture, so caches may keep it for a year.
			cacheControl: '31536000'
		});
		if (error) throw new Error('Supabase Storage refused the upload', { cause: error });
	}

	async get(key: string): Promise<Buffer | null> {
		assertPhotoKey(key);
		const { data, error } = await this.bucket.download(key);
		if (error) {
			if (isNotFound(error)) return null;
			throw new Error('Supabase Storage refused the download', { cause: error });
		}

		return Buffer.from(await data.arrayBuffer());
	}

	async remove(key: string): Promise<void> {
		assertPhotoKey(key);
		const { error } = await this.bucket.remove([key]);
		if (error) throw new Error('Supabase Storage refused the removal', { cause: error });
	}
}

/**
 * Storage answers a missing object with HTTP 404 and the code NoSuchKey, or in its older form
 * with HTTP 400 and `"statusCode": "404"` in the body; supabase-js passes both through.
 */
function isNotFound(error: Error): boolean {
	const { status, statusCode } = error as Error & { status?: number; statusCode?: string };
	return status === 404 || statusCode === '404' || statusCode === 'NoSuchKey';
}
