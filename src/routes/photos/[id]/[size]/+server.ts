import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/actor';
import * as photos from '$lib/server/photos';
import type { RequestHandler } from './$types';

const SIZES = ['display', 'thumb'] as const;

function isSize(value: string): value is (typeof SIZES)[number] {
	return (SIZES as readonly string[]).includes(value);
}

/**
 * The bytes of a photo, if row-level security lets this person see it: everyone sees the
 * photos of approved entries, owners their own, organisers those waiting for review. Anything
 * else is 404, so a hidden photo cannot be told apart from a missing one.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!isSize(params.size)) error(404, m.campaign_photo_not_found());

	const bytes = await photos.readBytes(actorOf(locals), params.id, params.size);
	if (!bytes) error(404, m.campaign_photo_not_found());

	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': 'image/jpeg',
			'Content-Length': String(bytes.byteLength),
			// private: what a person may see depends on who they are (pending and moderated photos).
			'Cache-Control': 'private, max-age=3600',
			'X-Content-Type-Options': 'nosniff'
		}
	});
};
