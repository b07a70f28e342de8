import decode from 'heic-decode';
import { limitConcurrency } from './limit';

// libheif runs as WebAssembly on the JavaScript thread, so a second decode at the same time gains
// nothing and would only grow its memory, which WebAssembly never gives back.
const oneAtATime = limitConcurrency(1);

export interface RgbaImage {
	width: number;
	height: number;
	data: Uint8ClampedArray;
}

/**
 * Decodes the first image of a HEIC/HEIF file to RGBA with libheif (WebAssembly), since the
 * prebuilt libvips in sharp has no HEVC decoder.
 *
 * The image comes out upright: libheif applies the file's `irot`/`imir` transforms, and HEIF
 * (ISO/IEC 23008-12) makes those, not the EXIF Orientation tag, the source of truth. iPhones write
 * both, consistently, so applying the EXIF tag as well would turn the picture twice.
 *
 * `checkSize` sees the dimensions read from the container before any pixel is decoded, and may
 * throw to refuse the image.
 */
export async function decodeHeic(
	bytes: Uint8Array,
	checkSize: (width: number, height: number) => void
): Promise<RgbaImage> {
	if (!isComplete(bytes)) throw new Error('HEIC file is cut short');

	return oneAtATime(async () => {
		const images = await decode.all({ buffer: bytes });
		try {
			const [first] = images;
			checkSize(first.width, first.height);
			return await first.decode();
		} finally {
			images.dispose();
		}
	});
}

/**
 * Whether every top-level box (ISO/IEC 14496-12, 4.2) ends within the file. An upload cut short
 * leaves the last box, usually `mdat`, unfinished, and libheif then paints the missing tiles green
 * instead of failing.
 */
function isComplete(bytes: Uint8Array): boolean {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let offset = 0;
	while (offset + 8 <= bytes.byteLength) {
		let size = view.getUint32(offset);
		if (size === 0) return true; // The last box may say it runs to the end of the file.
		if (size === 1) {
			if (offset + 16 > bytes.byteLength) return false;
			size = Number(view.getBigUint64(offset + 8));
		}
		if (size < 8) return false;
		offset += size;
	}
	return offset === bytes.byteLength;
}
