import { readFile } from 'node:fs/promises';
import path from 'node:path';
import exifr from 'exifr';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeHeic } from './heic';
import { processPhoto } from './process';

const photos = path.resolve(process.env.REAL_DATA_DIR ?? '../shared/data', 'photos');
const readHeic = () => readFile(path.join(photos, 'heic/exifr_heic-iphone7.heic'));

/** An 8×8 greyscale sketch of an image, enough to tell which way up it is. */
async function sketch(image: Buffer | Sharp): Promise<number[]> {
	const pipeline = Buffer.isBuffer(image) ? sharp(image) : image;
	const data = await pipeline.resize(8, 8, { fit: 'fill' }).greyscale().raw().toBuffer();
	return [...data];
}

/**
 * Turns the iPhone file into one shot in portrait, the way an iPhone records it: an `irot` box
 * saying "turn 270° anticlockwise" and EXIF Orientation 6 saying the same. Both fields exist in
 * the file already, so the bytes are patched in place without moving anything.
 */
function asPortrait(heic: Buffer): Buffer {
	const bytes = Buffer.from(heic);
	const irot = bytes.indexOf('irot');
	expect(bytes[irot + 4]).toBe(0);
	bytes[irot + 4] = 3;

	const tiff = bytes.indexOf(Buffer.from('MM\x00\x2a', 'latin1'));
	const ifd = tiff + bytes.readUInt32BE(tiff + 4);
	const entries = bytes.readUInt16BE(ifd);
	for (let i = 0; i < entries; i++) {
		const entry = ifd + 2 + i * 12;
		if (bytes.readUInt16BE(entry) === 0x0112) bytes.writeUInt16BE(6, entry + 8);
	}
	return bytes;
}

// libheif in WebAssembly takes a few seconds per 12 MP photo on a small machine.
describe('processPhoto with HEIC', { timeout: 120_000 }, () => {
	it('decodes an iPhone HEIC and offers its EXIF position and time', async () => {
		const started = performance.now();
		const result = await processPhoto(await readHeic());
		console.info(`HEIC processPhoto: ${Math.round(performance.now() - started)} ms`);

		expect(result).toMatchObject({
			format: 'heic',
			width: 1600,
			height: 1200,
			thumbWidth: 400,
			thumbHeight: 300
		});
		expect(result.gps?.lat).toBeCloseTo(38.047, 3);
		expect(result.gps?.lon).toBeCloseTo(12.994, 3);
		expect(result.takenAt?.toISOString()).toBe('2019-10-20T16:34:30.000Z');
		expect(await exifr.parse(result.display, true)).toBeUndefined();
	});

	it('turns a portrait iPhone HEIC upright exactly once', async () => {
		const original = await readHeic();
		const [landscape, portrait] = [
			await processPhoto(original),
			await processPhoto(asPortrait(original))
		];
		expect(await exifr.orientation(asPortrait(original))).toBe(6);

		expect(portrait).toMatchObject({
			width: 1200,
			height: 1600,
			thumbWidth: 300,
			thumbHeight: 400
		});
		const expected = await sketch(sharp(landscape.display).rotate(90));
		const actual = await sketch(portrait.display);
		expect(Math.max(...actual.map((value, i) => Math.abs(value - expected[i])))).toBeLessThan(16);
	});
});

describe('decodeHeic', { timeout: 120_000 }, () => {
	it('leaves the event loop free while it decodes', async () => {
		const bytes = await readHeic();
		let last = performance.now();
		let maxGap = 0;
		const ticker = setInterval(() => {
			const now = performance.now();
			maxGap = Math.max(maxGap, now - last);
			last = now;
		}, 50);
		try {
			const image = await decodeHeic(bytes, () => {});
			expect(image).toMatchObject({ width: 4032, height: 3024 });
		} finally {
			clearInterval(ticker);
		}
		maxGap = Math.max(maxGap, performance.now() - last);
		console.info(`HEIC decode: longest event-loop gap ${Math.round(maxGap)} ms`);
		expect(maxGap).toBeLessThan(1000);
	});

	it('refuses the image before decoding when checkSize throws', async () => {
		const refusal = new Error('over the pixel limit');
		await expect(
			decodeHeic(await readHeic(), () => {
				throw refusal;
			})
		).rejects.toBe(refusal);
	});

	it('leaves the bytes it was given untouched', async () => {
		const bytes = await readHeic();
		const copy = Buffer.from(bytes);
		await decodeHeic(bytes, () => {});
		expect(bytes.equals(copy)).toBe(true);
	});
});
