import phash from 'sharp-phash';

/** Raw pixels as sharp hands them out: the display-size image, upright, before encoding. */
export interface RawImage {
	data: Buffer;
	width: number;
	height: number;
	channels: 1 | 2 | 3 | 4;
}

/**
 * The 64-bit perceptual hash (DCT pHash) of a picture, as the signed 64-bit integer that
 * PostgreSQL's bigint holds (a decimal string, since JavaScript numbers cannot). The same
 * picture re-encoded, resized or slightly brightened differs in a few bits; unrelated pictures
 * in about half of them. submit_entry compares these to refuse near copies.
 */
export async function perceptualHash({ data, width, height, channels }: RawImage): Promise<string> {
	const bits = await phash(data, { raw: { width, height, channels } });
	return BigInt.asIntN(64, BigInt(`0b${bits}`)).toString();
}

/** How many bits two hashes from perceptualHash differ in (0 to 64). */
export function hammingDistance(a: string, b: string): number {
	let diff = BigInt.asUintN(64, BigInt(a) ^ BigInt(b));
	let count = 0;
	while (diff) {
		count += Number(diff & 1n);
		diff >>= 1n;
	}
	return count;
}
