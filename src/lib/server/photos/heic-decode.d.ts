// heic-decode ships no types; this covers the part of its API that heic.ts uses.
declare module 'heic-decode' {
	interface DecodedImage {
		width: number;
		height: number;
		data: Uint8ClampedArray;
	}

	interface ImageHandle {
		width: number;
		height: number;
		decode(): Promise<DecodedImage>;
	}

	type ImageHandles = ImageHandle[] & { dispose(): void };

	function decode(input: { buffer: Uint8Array }): Promise<DecodedImage>;

	namespace decode {
		function all(input: { buffer: Uint8Array }): Promise<ImageHandles>;
	}

	export default decode;
}
