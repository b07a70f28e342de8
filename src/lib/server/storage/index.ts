import { LocalPhotoStore } from './local';
import { SupabasePhotoStore } from './supabase';

export { isValidPhotoKey, newPhotoKey } from './keys';

/**
 * Where processed photos live: local disk by default, Supabase Storage when a project is
 * configured. Every method refuses a key that `newPhotoKey()` could not have made.
 */
export interface PhotoStore {
	/** Stores the bytes under the key, replacing whatever was there. */
	put(key: string, bytes: Buffer, contentType: string): Promise<void>;
	/** The stored bytes, or null when nothing is stored under the key. */
	get(key: string): Promise<Buffer | null>;
	/** Deletes the key; deleting a key that holds nothing is not an error. */
	remove(key: string): Promise<void>;
}

type Environment = Record<string, string | undefined>;

/** Picks the store the environment configures: Supabase when its URL and key are set. */
export function createPhotoStore(env: Environment = process.env): PhotoStore {
	const { SUPABASE_URL: url, SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey } = env;
	if (url && serviceRoleKey) {
		return new SupabasePhotoStore({
			url,
			serviceRoleKey,
			bucket: env.SUPABASE_STORAGE_BUCKET || 'photos'
		});
	}

	return new LocalPhotoStore(env.PHOTO_DIR || 'data/photos');
}

let store: PhotoStore | undefined;

/** The process's one photo store, made from `process.env` on first use. */
export function getPhotoStore(): PhotoStore {
	store ??= createPhotoStore();
	return store;
}
