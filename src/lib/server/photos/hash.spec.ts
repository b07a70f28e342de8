import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeJpeg } from '../testing';
import { hammingDistance } from './hash';
import { processPhoto } from './process';

// Real photos, read where they lie and never copied into the repository.
const photos = resolve(process.env.REAL_DATA_DIR ?? '../shared/data', 'photos');
const real = (name: string) => readFileSync(join(photos, name));

/** The bound submit_entry uses (near_copy_bits in its migration). */
const NEAR_COPY_BITS = 8;

describe('perceptual hash of an uploaded photo', () => {
	it('finds a resized, re-encoded copy of a real photo near the original', async () => {
		const original = real('gps/ianare_DSCN0010.jpg');
		const copy = await sharp(original).resize(640).jpeg({ quality: 60 }).toBuffer();

		const [a, b] = await Promise.all([processPhoto(original), processPhoto(copy)]);

		expect(hammingDistance(a.phash, b.phash)).toBeLessThanOrEqual(NEAR_COPY_BITS);
	});

	it('finds a brightened WebP copy near the original', async () => {
		const original = real('gps/ianare_nokia_8.3_5G.jpg');
		const copy = await sharp(original)
			.resize(1000)
			.modulate({ brightness: 1.15 })
			.webp({ quality: 70 })
			.toBuffer();

		const [a, b] = await Promise.all([processPhoto(original), processPhoto(copy)]);

		expect(hammingDistance(a.phash, b.phash)).toBeLessThanOrEqual(NEAR_COPY_BITS);
	});

	it('tells different real photos apart', async () => {
		const [a, b] = await Promise.all([
			processPhoto(real('gps/ianare_DSCN0010.jpg')),
			processPhoto(real('gps/ianare_nokia_8.3_5G.jpg'))
		]);

		expect(hammingDistance(a.phash, b.phash)).toBeGreaterThan(NEAR_COPY_BITS * 2);
	});

	it('hashes the upright picture, so a copy rotated by its EXIF orientation still matches', async () => {
		const [upright, rotated] = await Promise.all([
			processPhoto(real('orientation/exifr_f1t.jpg')),
			processPhoto(real('orientation/exifr_f6t.jpg'))
		]);

		expect(hammingDistance(upright.phash, rotated.phash)).toBeLessThanOrEqual(NEAR_COPY_BITS);
	});

	it('gives the generated spec photos of different seeds different hashes', async () => {
		const [a, b] = await Promise.all([
			processPhoto(await makeJpeg(1)),
			processPhoto(await makeJpeg(2))
		]);

		expect(hammingDistance(a.phash, b.phash)).toBeGreaterThan(NEAR_COPY_BITS);
	});

	it('counts differing bits across the sign bit', () => {
		expect(hammingDistance('-1', '0')).toBe(64);
		expect(hammingDistance('5', '6')).toBe(2);
	});
});
