import sharp from 'sharp';

/** The real photos the suite sends, under the real data's photos folder. */
export const REAL_PHOTOS = {
	/** Pixel phone, 12 MP, GPS in the Czech Republic (50.2996 N, 14.8203 E). */
	pixel: 'gps/exifr_pixel_IMG_20180725_163423_full.jpg',
	/** iPhone 7 HEIC, GPS in Sicily. */
	iphoneHeic: 'heic/exifr_heic-iphone7.heic',
	/** Nikon Coolpix, GPS in Italy. */
	coolpix: 'gps/ianare_DSCN0010.jpg',
	/** Nokia 8.3 5G, GPS in Finland. */
	nokia: 'gps/ianare_nokia_8.3_5G.jpg',
	/** A JPEG cut off after its first 10 000 bytes. */
	truncated: 'corrupt/sharp_truncated.jpg',
	/** 20 000 × 14 000 pixels (280 MP) in about 1 MB. */
	giant: 'large/sharp_giant-image_20000x14000.jpg'
} as const;

/** A rational EXIF GPS coordinate (degrees, minutes, seconds), as libvips reads it from text. */
function exifDegrees(decimal: number): string {
	const degrees = Math.floor(decimal);
	const minutes = Math.floor((decimal - degrees) * 60);
	const hundredthsOfSeconds = Math.round(((decimal - degrees) * 60 - minutes) * 60 * 100);
	return `${degrees}/1 ${minutes}/1 ${hundredthsOfSeconds}/100`;
}

/**
 * A JPEG made here, whose EXIF GPS block (IFD3, EXIF 2.3 §4.6.6) records the point given, in the
 * north-east quarter of the globe where Chiba lies.
 */
export async function jpegWithGps(point: { lat: number; lon: number }) {
	const buffer = await sharp({
		create: { width: 1200, height: 900, channels: 3, background: { r: 0, g: 90, b: 160 } }
	})
		.composite([
			{
				input: {
					create: { width: 600, height: 450, channels: 3, background: { r: 250, g: 200, b: 0 } }
				},
				top: 225,
				left: 300
			}
		])
		.jpeg({ quality: 85 })
		.withExif({
			IFD0: { Make: 'Machi Quest', Model: 'e2e' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: exifDegrees(point.lat),
				GPSLongitudeRef: 'E',
				GPSLongitude: exifDegrees(point.lon)
			}
		})
		.toBuffer();
	return { name: 'team-colours.jpg', mimeType: 'image/jpeg', buffer };
}

/** A text file that only claims, by its name, to be a photo. */
export function textNamedJpeg() {
	return {
		name: 'not-a-photo.jpg',
		mimeType: 'image/jpeg',
		buffer: Buffer.from('This is a shopping list, not a photo.\n')
	};
}
