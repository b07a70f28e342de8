import { readFile } from 'node:fs/promises';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES, PhotoError, processPhoto, type ProcessedPhoto } from './process';

const photos = path.resolve(process.env.REAL_DATA_DIR ?? '../shared/data', 'photos');
const photo = (name: string) => readFile(path.join(photos, name));

const PIXEL = 'gps/exifr_pixel_IMG_20180725_163423_full.jpg';
const IPHONE_HEIC = 'heic/exifr_heic-iphone7.heic';

async function refusal(bytes: Uint8Array): Promise<string> {
	const error: unknown = await processPhoto(bytes).then(
		() => null,
		(thrown: unknown) => thrown
	);
	expect(error).toBeInstanceOf(PhotoError);
	return (error as PhotoError).code;
}

/** An 8×8 greyscale sketch of an image, enough to tell which way up it is. */
async function sketch(jpeg: Buffer): Promise<number[]> {
	const data = await sharp(jpeg).resize(8, 8, { fit: 'fill' }).greyscale().raw().toBuffer();
	return [...data];
}

function maxDifference(a: number[], b: number[]): number {
	return Math.max(...a.map((value, i) => Math.abs(value - b[i])));
}

async function expectNoMetadata(jpeg: Buffer) {
	expect(await exifr.parse(jpeg, true)).toBeUndefined();
	const metadata = await sharp(jpeg).metadata();
	expect(metadata.format).toBe('jpeg');
	expect(metadata.exif).toBeUndefined();
	expect(metadata.icc).toBeUndefined();
	expect(metadata.xmp).toBeUndefined();
}

describe('processPhoto', () => {
	it('keeps resident memory under 512 MB while ten 12 MP photos are processed at once', async () => {
		const bytes = await photo(PIXEL);
		let peak = process.memoryUsage().rss;
		const sampler = setInterval(() => {
			peak = Math.max(peak, process.memoryUsage().rss);
		}, 10);

		try {
			const results = await Promise.all(Array.from({ length: 10 }, () => processPhoto(bytes)));
			expect(results.every((result) => result.width === 1600)).toBe(true);
		} finally {
			clearInterval(sampler);
		}

		peak = Math.max(peak, process.memoryUsage().rss);
		console.info(`peak RSS with ten concurrent photos: ${Math.round(peak / 2 ** 20)} MB`);
		expect(peak).toBeLessThan(512 * 2 ** 20);
	});

	it('shrinks a phone JPEG to a 1600 px display image and a 400 px thumbnail', async () => {
		const result = await processPhoto(await photo(PIXEL));

		expect(result).toMatchObject({
			width: 1600,
			height: 1200,
			thumbWidth: 400,
			thumbHeight: 300,
			format: 'jpeg'
		});
		expect(await sharp(result.display).metadata()).toMatchObject({ width: 1600, height: 1200 });
		expect(await sharp(result.thumb).metadata()).toMatchObject({ width: 400, height: 300 });
	});

	it('strips EXIF, GPS and colour profiles from both outputs', async () => {
		const result = await processPhoto(await photo('gps/ianare_iphone6_hdr_YES.jpg'));

		await expectNoMetadata(result.display);
		await expectNoMetadata(result.thumb);
	});

	it('offers the EXIF position and time of a phone photo', async () => {
		const result = await processPhoto(await photo(PIXEL));

		expect(result.gps?.lat).toBeCloseTo(50.2996, 4);
		expect(result.gps?.lon).toBeCloseTo(14.8203, 4);
		// No OffsetTimeOriginal in this file, so the wall time is read in the server's zone.
		expect(result.takenAt).toEqual(new Date(2018, 6, 25, 16, 34, 23));
	});

	it('places the time taken in the zone the camera recorded', async () => {
		const result = await processPhoto(await photo('gps/ianare_nokia_8.3_5G.jpg'));

		expect(result.takenAt?.toISOString()).toBe('2022-08-14T11:12:31.000Z');
		expect(result).toMatchObject({ width: 1600, height: 686 });
	});

	it('does not enlarge a photo smaller than the display size', async () => {
		const result = await processPhoto(await photo('gps/ianare_DSCN0010.jpg'));

		expect(result).toMatchObject({ width: 640, height: 480, thumbWidth: 400, thumbHeight: 300 });
	});

	it('accepts a PNG screenshot without EXIF and suggests no position', async () => {
		const result = await processPhoto(await photo('screenshot/babydots_android_08_settings.png'));

		expect(result).toMatchObject({ format: 'png', width: 900, height: 1600, gps: null });
		expect(result.takenAt).toBeNull();
	});

	it('shows all eight EXIF orientations the same way up', async () => {
		const results: ProcessedPhoto[] = [];
		for (let orientation = 1; orientation <= 8; orientation++) {
			results.push(await processPhoto(await photo(`orientation/exifr_f${orientation}t.jpg`)));
		}

		const upright = await sketch(results[0].display);
		for (const result of results) {
			expect(result).toMatchObject({ width: 48, height: 80 });
			expect(maxDifference(await sketch(result.display), upright)).toBeLessThan(24);
		}
	});
});

describe('processPhoto refuses', () => {
	it('an empty upload as not an image', async () => {
		expect(await refusal(new Uint8Array())).toBe('not_image');
	});

	it('text named like a photo as not an image', async () => {
		expect(await refusal(new TextEncoder().encode('GIF89a? no, just text'))).toBe('not_image');
	});

	it('a GIF, which is an image but not a photo format we accept', async () => {
		const gif = await sharp({
			create: { width: 4, height: 4, channels: 3, background: '#f00' }
		})
			.gif()
			.toBuffer();
		expect(await refusal(gif)).toBe('not_image');
	});

	it('more bytes than the limit before looking at them', async () => {
		expect(await refusal(new Uint8Array(PHOTO_MAX_BYTES + 1))).toBe('too_large_bytes');
	});

	it('a 280 megapixel decompression bomb quickly, from its header', async () => {
		const bytes = await photo('large/sharp_giant-image_20000x14000.jpg');
		const started = performance.now();

		expect(await refusal(bytes)).toBe('too_large_pixels');
		expect(performance.now() - started).toBeLessThan(500);
	});

	it('a truncated JPEG whose header still parses as damaged', async () => {
		expect(await refusal(await photo('corrupt/sharp_truncated.jpg'))).toBe('damaged');
	});

	it('a JPEG with a broken header as damaged', async () => {
		expect(await refusal(await photo('corrupt/sharp_corrupt-header.jpg'))).toBe('damaged');
	});

	it('a HEIC cut short as damaged rather than with missing tiles painted in', async () => {
		const bytes = await photo(IPHONE_HEIC);
		expect(await refusal(bytes.subarray(0, 1_000_000))).toBe('damaged');
	});
});
