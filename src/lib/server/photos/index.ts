import { asUser, type Actor } from '../db';
import { isUuid } from '../ids';
import { getPhotoStore, newPhotoKey } from '../storage';
import { PHOTO_CONTENT_TYPE, processPhoto } from './process';

export { PhotoError, PHOTO_MAX_BYTES } from './process';

export interface PendingPhoto {
	id: string;
	width: number;
	height: number;
	/** The EXIF position, a suggestion for the person to confirm or move. */
	gps: { lat: number; lon: number } | null;
}

/**
 * Processes an upload as soon as it arrives and keeps it as the person's pending photo, so a
 * form refused for another reason never has to ask for the photo again.
 * Throws PhotoError for a file the person should replace.
 */
export async function upload(actor: Actor, bytes: Uint8Array): Promise<PendingPhoto> {
	const photo = await processPhoto(bytes);
	const store = getPhotoStore();
	const displayKey = newPhotoKey();
	const thumbKey = newPhotoKey();
	await store.put(displayKey, photo.display, PHOTO_CONTENT_TYPE);
	await store.put(thumbKey, photo.thumb, PHOTO_CONTENT_TYPE);

	const [row] = await asUser(
		actor,
		(tx) => tx<{ id: string }[]>`
		insert into public.photos (owner_id, display_key, thumb_key, width, height, exif_lon, exif_lat,
			phash)
		values (${actor.id}, ${displayKey}, ${thumbKey}, ${photo.width}, ${photo.height},
			${photo.gps?.lon ?? null}, ${photo.gps?.lat ?? null}, ${photo.phash})
		returning id`
	);
	return { id: row.id, width: photo.width, height: photo.height, gps: photo.gps };
}

/** The person's own pending photo, if it exists and has not expired. */
export async function readPending(actor: Actor, id: string): Promise<PendingPhoto | null> {
	if (!isUuid(id)) return null;
	const rows = await asUser(
		actor,
		(tx) => tx<
			{ id: string; width: number; height: number; lon: number | null; lat: number | null }[]
		>`
		select id, width, height, exif_lon as lon, exif_lat as lat from public.photos
		where id = ${id} and state = 'pending' and expires_at > now()`
	);
	const row = rows[0];
	if (!row) return null;
	const gps = row.lon !== null && row.lat !== null ? { lon: row.lon, lat: row.lat } : null;
	return { id: row.id, width: row.width, height: row.height, gps };
}

/**
 * The bytes of a photo the person may see (row-level security decides), or null. The storage
 * key comes from the database row, never from the client.
 */
export async function readBytes(
	actor: Actor | null,
	id: string,
	size: 'display' | 'thumb'
): Promise<Buffer | null> {
	if (!isUuid(id)) return null;
	const rows = await asUser(
		actor,
		(tx) => tx<{ key: string }[]>`
		select case when ${size} = 'thumb' then thumb_key else display_key end as key
		from public.photos where id = ${id}`
	);
	if (!rows[0]) return null;
	return getPhotoStore().get(rows[0].key);
}
