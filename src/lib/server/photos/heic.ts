import decode from 'heic-decode';

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
 * (ISO/IEC 23008-12) makes those transforms, not the EXIF Orientation tag, the source of truth. iPhones
 * write both, consistently, so applying the EXIF tag as well would turn the picture twice.
 *
 * `checkSize` sees the dimensions read from the container before any pixel is decoded, and may
 * throw to refuse the image.
 */
export async function decodeHeic(
	bytes: Uint8Array,
	checkSize: (width: number, height: number) => void
): Promise<RgbaImage> {
	const images = await decode.all({ buffer: bytes });
	try {
		const [first] = images;
		checkSize(first.width, first.height);
		return await first.decode();
	} finally {
		images.dispose();
	}
}
