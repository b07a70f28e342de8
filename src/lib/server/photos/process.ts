import { fileTypeFromBuffer } from 'file-type';
import sharp, { type ResizeOptions, type Sharp } from 'sharp';
import { readGps, readTakenAt, type GpsPoint } from './exif';
import { perceptualHash } from './hash';
import { decodeHeic } from './heic';
import { limitConcurrency } from './limit';

export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;
export const PHOTO_MAX_PIXELS = 50_000_000;
export const PHOTO_DISPLAY_SIZE = 1600;
export const PHOTO_THUMB_SIZE = 400;
/** Every processed photo is stored as JPEG, the one format every browser and mail client shows. */
export const PHOTO_CONTENT_TYPE = 'image/jpeg';

// Plain libjpeg-turbo: mozjpeg saves about a fifth of the bytes but takes ten times as long to
// encode, too much CPU for a small server taking uploads.
const JPEG_OPTIONS = { quality: 82 };

// One libvips thread per image and no operation cache: with PHOTO_DECODE_CONCURRENCY decodes at
// once this bounds both CPU and memory, which matter more on a small server than one photo's speed.
sharp.concurrency(1);
sharp.cache(false);

// Decoding a phone photo takes tens of megabytes, so only a few run at once however many uploads
// arrive together; the rest wait their turn.
const withDecodeSlot = limitConcurrency(
	Math.max(1, Math.floor(Number(process.env.PHOTO_DECODE_CONCURRENCY)) || 2)
);

export type PhotoErrorCode = 'not_image' | 'too_large_bytes' | 'too_large_pixels' | 'damaged';

/** A photo refused for a reason the person who sent it can act on. */
export class PhotoError extends Error {
	readonly code: PhotoErrorCode;

	constructor(code: PhotoErrorCode, options?: { cause?: unknown }) {
		super(`Photo refused: ${code}`, options);
		this.name = 'PhotoError';
		this.code = code;
	}
}

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'heic';

export interface ProcessedPhoto {
	/** JPEG, upright, no metadata, longest side at most PHOTO_DISPLAY_SIZE. */
	display: Buffer;
	/** JPEG, upright, no metadata, longest side at most PHOTO_THUMB_SIZE. */
	thumb: Buffer;
	width: number;
	height: number;
	thumbWidth: number;
	thumbHeight: number;
	/** Perceptual hash of the upright picture (see perceptualHash), for finding near copies. */
	phash: string;
	/** The format of the file that was sent. */
	format: PhotoFormat;
	/** Where the camera says it was; a suggestion to show the person, never to trust silently. */
	gps: GpsPoint | null;
	takenAt: Date | null;
}

const FORMATS: Record<string, PhotoFormat> = {
	'image/jpeg': 'jpeg',
	'image/png': 'png',
	'image/webp': 'webp',
	'image/heic': 'heic',
	'image/heif': 'heic'
};

/**
 * Checks an uploaded photo and turns it into a display image and a thumbnail that are safe to
 * publish: upright, stripped of EXIF, GPS and colour profiles, and re-encoded as JPEG.
 *
 * Throws PhotoError for what the sender should fix; any other error is the server's.
 *
 * @example
 * const photo = await processPhoto(new Uint8Array(await file.arrayBuffer()));
 * await store.put(newPhotoKey(), photo.display, PHOTO_CONTENT_TYPE);
 */
export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto> {
	if (bytes.byteLength === 0) throw new PhotoError('not_image');
	if (bytes.byteLength > PHOTO_MAX_BYTES) throw new PhotoError('too_large_bytes');
	const format = FORMATS[(await fileTypeFromBuffer(bytes))?.mime ?? ''];
	if (!format) throw new PhotoError('not_image');

	const [images, gps, takenAt] = await Promise.all([
		withDecodeSlot(() => render(bytes, format)),
		readGps(bytes),
		readTakenAt(bytes)
	]);

	return { ...images, format, gps, takenAt };
}

type Rendered = Pick<
	ProcessedPhoto,
	'display' | 'thumb' | 'width' | 'height' | 'thumbWidth' | 'thumbHeight' | 'phash'
>;

async function render(bytes: Uint8Array, format: PhotoFormat): Promise<Rendered> {
	const source = format === 'heic' ? await openHeic(bytes) : await openWithSharp(bytes);
	const { data, info } = await source
		.flatten({ background: '#ffffff' })
		.resize(fitWithin(PHOTO_DISPLAY_SIZE))
		.toColourspace('srgb')
		.raw({ depth: 'uchar' })
		.toBuffer({ resolveWithObject: true })
		.catch((error: unknown) => {
			throw asPhotoError(error);
		});

	// Both sizes and the hash come from the one decoded copy, so the original is decoded once.
	const raw = { width: info.width, height: info.height, channels: info.channels };
	const [display, thumb, phash] = await Promise.all([
		sharp(data, { raw }).jpeg(JPEG_OPTIONS).toBuffer(),
		sharp(data, { raw })
			.resize(fitWithin(PHOTO_THUMB_SIZE))
			.jpeg(JPEG_OPTIONS)
			.toBuffer({ resolveWithObject: true }),
		perceptualHash({ data, ...raw })
	]);

	return {
		display,
		phash,
		thumb: thumb.data,
		width: info.width,
		height: info.height,
		thumbWidth: thumb.info.width,
		thumbHeight: thumb.info.height
	};
}

function fitWithin(size: number): ResizeOptions {
	return { width: size, height: size, fit: 'inside', withoutEnlargement: true };
}

async function openWithSharp(bytes: Uint8Array): Promise<Sharp> {
	// The header alone tells the size, so a decompression bomb is refused before it is decoded.
	const { width, height } = await sharp(bytes, { limitInputPixels: false })
		.metadata()
		.catch((error: unknown) => {
			throw new PhotoError('damaged', { cause: error });
		});
	checkPixels(width, height);

	return sharp(bytes, {
		autoOrient: true,
		// Refuse truncated or corrupt data instead of quietly filling the missing part with grey.
		failOn: 'error',
		limitInputPixels: PHOTO_MAX_PIXELS
	});
}

async function openHeic(bytes: Uint8Array): Promise<Sharp> {
	const { width, height, data } = await decodeHeic(bytes, checkPixels).catch((error: unknown) => {
		throw asPhotoError(error);
	});
	return sharp(data, { raw: { width, height, channels: 4 }, limitInputPixels: PHOTO_MAX_PIXELS });
}

function checkPixels(width: number | undefined, height: number | undefined) {
	if (!width || !height) throw new PhotoError('damaged');
	if (width * height > PHOTO_MAX_PIXELS) throw new PhotoError('too_large_pixels');
}

function asPhotoError(error: unknown): PhotoError {
	if (error instanceof PhotoError) return error;
	const message = error instanceof Error ? error.message : '';
	const code = /pixel limit/i.test(message) ? 'too_large_pixels' : 'damaged';
	return new PhotoError(code, { cause: error });
}
