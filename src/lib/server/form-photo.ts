// The photo field of the volunteer forms (a fix's photo, a completion's after photo): the file
// goes through the photo pipeline as soon as it arrives, even when another field is wrong, and
// its pending id rides along in the form so that a refused submit never asks for it twice.
import { error } from '@sveltejs/kit';
import type { SuperValidated } from 'sveltekit-superforms';
import { m } from '$lib/paraglide/messages';
import type { Actor } from './db';
import * as photos from './photos';
import { PHOTO_MAX_PIXELS, type PhotoErrorCode } from './photos/process';

export const PHOTO_MAX_MEGABYTES = photos.PHOTO_MAX_BYTES / 1024 / 1024;

type PhotoForm = SuperValidated<{ photo?: File; photoId: string }>;

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
		const status = (value: unknown) => (value as { status?: number } | null)?.status;
		if (status(cause) === 413 || status((cause as { cause?: unknown })?.cause) === 413) return null;
		error(400, m.entry_error_unreadable());
	}
}

/** Turns a photo sent with the form into the person's pending photo and puts its id in the form. */
export async function keepPhoto<T extends PhotoForm>(actor: Actor, form: T): Promise<void> {
	const file = form.data.photo;
	form.data.photo = undefined;
	if (!file || file.size === 0) return;

	let code: PhotoErrorCode | null = file.size > photos.PHOTO_MAX_BYTES ? 'too_large_bytes' : null;
	if (!code) {
		try {
			const pending = await photos.upload(actor, new Uint8Array(await file.arrayBuffer()));
			form.data.photoId = pending.id;
		} catch (cause) {
			if (!(cause instanceof photos.PhotoError)) throw cause;
			code = cause.code;
		}
	}
	if (code) {
		form.errors.photo = [photoMessage(code)];
		form.valid = false;
	}
}

/** The pending photo named by the form, if it still exists (they expire after a day). */
export async function pendingPhotoId(actor: Actor, form: PhotoForm): Promise<string | null> {
	if (!form.data.photoId) return null;
	const photo = await photos.readPending(actor, form.data.photoId);
	return photo?.id ?? null;
}
