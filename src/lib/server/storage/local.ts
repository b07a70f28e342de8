import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PhotoStore } from './index';
import { assertPhotoKey } from './keys';

/**
 * Keeps photos as files under one directory, laid out exactly like the bucket (`<dir>/photos/<id>`)
 * so that moving to Supabase Storage is a plain copy.
 */
export class LocalPhotoStore implements PhotoStore {
	readonly directory: string;

	constructor(directory: string) {
		this.directory = path.resolve(directory);
	}

	// The content type is not kept: every stored photo is re-encoded to one format, which the route
	// that serves it knows.
	async put(key: string, bytes: Buffer): Promise<void> {
		const file = this.fileFor(key);
		await mkdir(path.dirname(file), { recursive: true });

		// Written aside and renamed, so a reader never sees half a photo.
		const partial = `${file}.${randomUUID()}.partial`;
		try {
			await writeFile(partial, bytes);
			await rename(partial, file);
		} catch (error) {
			await rm(partial, { force: true });
			throw error;
		}
	}

	async get(key: string): Promise<Buffer | null> {
		const file = this.fileFor(key);
		try {
			return await readFile(file);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
			throw error;
		}
	}

	async remove(key: string): Promise<void> {
		await rm(this.fileFor(key), { force: true });
	}

	private fileFor(key: string): string {
		assertPhotoKey(key);
		return path.join(this.directory, key);
	}
}
