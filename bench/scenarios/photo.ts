import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { PHOTO_DISPLAY_SIZE, processPhoto } from '../../src/lib/server/photos/process';
import type { Scenario } from '../lib/scenario';
import { median } from '../lib/stats';

const RUNS = 7;
const PIXEL_JPEG = 'photos/gps/exifr_pixel_IMG_20180725_163423_full.jpg';

/** Decode, shrink to the display size and encode: the least any photo upload must cost. */
async function bareSharp(bytes: Uint8Array): Promise<void> {
	await sharp(bytes)
		.resize({ width: PHOTO_DISPLAY_SIZE, height: PHOTO_DISPLAY_SIZE, fit: 'inside' })
		.jpeg()
		.toBuffer();
}

async function timed(work: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await work();
	return performance.now() - started;
}

/**
 * The photo pipeline (type check, pixel limit, upright, strip, display and thumbnail, EXIF) on a
 * 12-megapixel phone JPEG against bare sharp on the same file. Both run under the sharp settings
 * the pipeline sets for the server (one libvips thread per image, no cache), and alternate, so
 * that a slow moment of the machine falls on both alike.
 */
export const photo: Scenario = {
	name: 'photo',
	summary: 'photo pipeline on the 12-megapixel Pixel JPEG vs bare sharp decode+resize+jpeg',
	databases: [],
	scaled: false,

	async run({ realDataDir, log }) {
		const bytes = new Uint8Array(await readFile(join(realDataDir, PIXEL_JPEG)));
		await processPhoto(bytes);
		await bareSharp(bytes);

		const pipeline: number[] = [];
		const bare: number[] = [];
		for (let run = 1; run <= RUNS; run++) {
			log(`photo: run ${run} of ${RUNS}`);
			pipeline.push(await timed(() => processPhoto(bytes)));
			bare.push(await timed(() => bareSharp(bytes)));
		}

		const baseline = { figure: 'photo.sharp', value: median(bare) };
		const note = `median of ${RUNS}`;
		return [
			{ ...baseline, unit: 'ms', note },
			{ figure: 'photo.pipeline', value: median(pipeline), unit: 'ms', baseline, note }
		];
	}
};
