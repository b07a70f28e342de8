import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './db';
import { submit } from './entries';
import { DomainError } from './errors';
import { upload } from './photos';
import { CHUO, createOpenCampaign, createPerson, pendingPhoto, useTestDatabase } from './testing';

// Real photos, read where they lie and never copied into the repository.
const photos = resolve(process.env.REAL_DATA_DIR ?? '../shared/data', 'photos');
const real = (name: string) => readFileSync(join(photos, name));

let organiser: Actor;

beforeAll(async () => {
	await useTestDatabase();
	organiser = await createPerson(['organiser']);
});

async function sendBytes(campaignId: string, person: Actor, bytes: Uint8Array) {
	const photo = await upload(person, bytes);
	return submit(person, {
		campaignId,
		photoId: photo.id,
		...CHUO,
		comment: '',
		idempotencyKey: null
	});
}

describe('fair play', () => {
	it('refuses a resized, re-encoded copy of a photo someone already sent, and takes a different photo', async () => {
		const campaign = await createOpenCampaign(organiser);
		const original = real('gps/ianare_DSCN0010.jpg');
		const copy = await sharp(original).resize(800).jpeg({ quality: 55 }).toBuffer();
		const first = await createPerson();
		const second = await createPerson();

		expect((await sendBytes(campaign, first, original)).status).toBe('approved');
		await expect(sendBytes(campaign, second, copy)).rejects.toEqual(
			new DomainError('duplicate_photo')
		);
		await expect(sendBytes(campaign, first, copy)).rejects.toEqual(
			new DomainError('duplicate_photo')
		);
		const other = await sendBytes(campaign, second, real('gps/ianare_nokia_8.3_5G.jpg'));
		expect(other.status).toBe('approved');
	});

	it('takes the same photo in another campaign', async () => {
		const original = real('gps/ianare_DSCN0010.jpg');
		const person = await createPerson();

		await sendBytes(await createOpenCampaign(organiser), person, original);
		const again = await sendBytes(await createOpenCampaign(organiser), person, original);

		expect(again.status).toBe('approved');
	});

	it('refuses a twenty-first entry to one campaign within an hour', async () => {
		const campaign = await createOpenCampaign(organiser);
		const person = await createPerson();
		const entry = async () =>
			submit(person, {
				campaignId: campaign,
				photoId: await pendingPhoto(person),
				...CHUO,
				comment: '',
				idempotencyKey: null
			});

		for (let i = 0; i < 20; i++) await entry();

		await expect(entry()).rejects.toEqual(new DomainError('too_many_entries'));
	});
});
