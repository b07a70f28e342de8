// Decodes one HEIC/HEIF image with libheif (WebAssembly, via heic-decode) off the web server's
// event loop. src/lib/server/photos/heic.ts starts one worker per image and ends it afterwards,
// which also hands back all the memory WebAssembly took.
//
// Protocol: workerData is the file's ArrayBuffer. The worker posts { type: 'size', width, height }
// read from the container, waits for 'decode' (the caller may refuse the size and end the worker
// instead), then posts { type: 'image', width, height, data } with the RGBA pixels transferred.
// Any failure is thrown, and reaches the caller as the worker's 'error' event.
import decode from 'heic-decode';
import { parentPort, workerData } from 'node:worker_threads';

if (!parentPort) throw new Error('heic-worker.js must run as a worker thread');
const port = parentPort;

const images = await decode.all({ buffer: new Uint8Array(workerData) });
try {
	const [first] = images;
	port.postMessage({ type: 'size', width: first.width, height: first.height });
	await new Promise((resolve) => port.once('message', resolve));
	const { width, height, data } = await first.decode();
	port.postMessage({ type: 'image', width, height, data }, [data.buffer]);
} finally {
	images.dispose();
}
port.close();
