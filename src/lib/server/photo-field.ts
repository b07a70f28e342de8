// The photo field of a form that may be refused and sent again: the photo is kept on the server
// as soon as it arrives (a pending photo), so a person never has to choose it twice.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Actor } from './db';
import * as photos from './photos';
import { PHOTO_MAX_PIXELS, type PhotoErrorCode } from './photos/process';

export const PHOTO_MAX_MEGABYTES = photos.PHOTO_MAX_BYTES / 1024 / 1024;

/** The sentence for a photo that cannot be used, in the person's language. */
export function photoMessage(code: PhotoErrorCode): string {
	switch (code) {
		case 'not_image':
			return m.photo_error_not_image();
		case 'damaged':
			return m.photo_error_damaged();
		case 'too_large_bytes':
			return m.photo_error_too_large_bytes({ max: PHOTO_MAX_MEGABYTES });
		case 'too_large_pixels':
			return m.photo_error_too_large_pixels({ max: PHOTO_MAX_PIXELS / 1_000_000 });
	}
}

/** The request's form data, or null when it is larger than the server accepts (HTTP 413). */
export async function readBody(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch (cause) {
		if (statusOf(cause) === 413 || statusOf((cause as { cause?: unknown })?.cause) === 413) {
			return null;
		}
		error(400, m.entry_error_unreadable());
	}
}

function statusOf(value: unknown): number | undefined {
	return (value as { status?: number } | null)?.status;
}

/**
 * Turns a photo file sent with a form into the person's pending photo. Returns its id, or the
 * sentence for a refused file (checked for size before its bytes are read); null when no file
 * was sent.
 */
export async function keepPhoto(
	actor: Actor,
	file: File | undefined
): Promise<{ id: string } | { error: string } | null> {
	if (!file || file.size === 0) return null;
	if (file.size > photos.PHOTO_MAX_BYTES) return { error: photoMessage('too_large_bytes') };

	try {
		const pending = await photos.upload(actor, new Uint8Array(await file.arrayBuffer()));
		return { id: pending.id };
	} catch (cause) {
		if (!(cause instanceof photos.PhotoError)) throw cause;
		return { error: photoMessage(cause.code) };
	}
}
