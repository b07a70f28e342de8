import { randomUUID } from 'node:crypto';

// Only keys the server made itself, so no request can name another file or climb out of the store.
const KEY = /^photos\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fresh key for one stored image, such as `photos/0b6c…`; make one per display and thumbnail. */
export function newPhotoKey(): string {
	return `photos/${randomUUID()}`;
}

export function isValidPhotoKey(key: string): boolean {
	return KEY.test(key);
}

export function assertPhotoKey(key: string): void {
	if (!isValidPhotoKey(key)) throw new RangeError('Not a photo key made by newPhotoKey()');
}
