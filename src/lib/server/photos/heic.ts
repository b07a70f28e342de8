import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { limitConcurrency } from './limit';

// libheif takes seconds per photo, so it runs in a worker thread (scripts/heic-worker.js, plain
// JavaScript that Vite does not bundle) to keep the event loop free. One decode at a time keeps
// memory bounded: each worker holds a 12 MP image several times over until it ends.
const oneAtATime = limitConcurrency(1);

export interface RgbaImage {
	width: number;
	height: number;
	data: Uint8ClampedArray;
}

/**
 * Decodes the first image of a HEIC/HEIF file to RGBA with libheif (WebAssembly), since the
 * prebuilt libvips in sharp has no HEVC decoder. The decode runs in a worker thread; `bytes` are
 * copied, not taken.
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

	return oneAtATime(() => decodeInWorker(bytes, checkSize));
}

type WorkerMessage =
	| { type: 'size'; width: number; height: number }
	| { type: 'image'; width: number; height: number; data: Uint8ClampedArray };

function decodeInWorker(
	bytes: Uint8Array,
	checkSize: (width: number, height: number) => void
): Promise<RgbaImage> {
	// A fresh copy: `bytes` may be a Buffer sharing its memory (and Node's pool) with others.
	const copy = new Uint8Array(bytes);
	const script = resolve(process.env.MACHI_ROOT ?? process.cwd(), 'scripts/heic-worker.js');
	const worker = new Worker(script, { workerData: copy.buffer, transferList: [copy.buffer] });

	return new Promise<RgbaImage>((done, fail) => {
		worker.on('message', (message: WorkerMessage) => {
			if (message.type === 'size') {
				try {
					checkSize(message.width, message.height);
				} catch (error) {
					fail(error);
					return;
				}
				worker.postMessage('decode');
			} else {
				done({ width: message.width, height: message.height, data: message.data });
			}
		});
		worker.on('error', fail);
		worker.on('exit', (code) => fail(new Error(`HEIC worker exited with code ${code}`)));
	}).finally(() => void worker.terminate());
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
