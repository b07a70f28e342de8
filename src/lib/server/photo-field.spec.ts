import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './db';
import { keepPhoto } from './photo-field';
import * as photos from './photos';
import { createPerson, makeJpeg, useTestDatabase } from './testing';

let citizen: Actor;

beforeAll(async () => {
	await useTestDatabase();
	citizen = await createPerson();
});

describe('keeping the photo of a form', () => {
	it('keeps a photo as the person’s pending photo and returns its id', async () => {
		const file = new File([new Uint8Array(await makeJpeg(7))], 'sign.jpg', { type: 'image/jpeg' });

		const kept = await keepPhoto(citizen, file);

		expect(kept && 'id' in kept).toBe(true);
		const pending = await photos.readPending(citizen, (kept as { id: string }).id);
		expect(pending?.width).toBe(64);
	});

	it('gives a sentence for a file that is not a photo, and keeps nothing', async () => {
		const file = new File(['a shopping list'], 'list.jpg', { type: 'image/jpeg' });

		const kept = await keepPhoto(citizen, file);

		expect(kept).toEqual({ error: expect.stringMatching(/.{10,}/) });
	});

	it('refuses a file over the size limit before reading it', async () => {
		const file = new File(['x'], 'huge.jpg', { type: 'image/jpeg' });
		Object.defineProperty(file, 'size', { value: photos.PHOTO_MAX_BYTES + 1 });
		Object.defineProperty(file, 'arrayBuffer', {
			value: () => Promise.reject(new Error('the bytes were read'))
		});

		expect(await keepPhoto(citizen, file)).toEqual({ error: expect.stringMatching(/15/) });
	});

	it('has nothing to keep when no file was chosen', async () => {
		expect(await keepPhoto(citizen, undefined)).toBeNull();
		expect(await keepPhoto(citizen, new File([], ''))).toBeNull();
	});
});
